import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { join } from 'node:path'

/** A gateway running as a child process on loopback. */
export interface GatewayProcess {
  url: string
  pid: number
  /** Peak resident set size so far (VmHWM of /proc/<pid>/status), in MiB. */
  peakRssMiB(): number
  /** Current resident set size (VmRSS), in MiB. */
  rssMiB(): number
  stop(): Promise<void>
}

function statusKiB(pid: number, key: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${key}:`))
  return line ? Number(line.split(/\s+/)[1]) : NaN
}

/** Starts bench/suite/serve-gateway.ts on `enginePath` (or the RushDB server `extraEnv` names) in `mode`; resolves once it listens. */
export function startGateway(mode: 'ours' | 'naive', enginePath: string, extraEnv: Record<string, string> = {}): Promise<GatewayProcess> {
  const entry = join(import.meta.dirname, 'serve-gateway.ts')
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', entry], {
    // NODE_ENV=production as deployed (graphql-js skips its development checks); no keys on loopback.
    env: { ...process.env, ENGINE_PATH: enginePath, BENCH_GATEWAY: mode, NODE_ENV: 'production', ALLOW_OPEN_ACCESS: 'true', ...extraEnv },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${mode} gateway exited with ${code} before listening`)))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const { port } = JSON.parse(line) as { port: number }
      const pid = child.pid!
      child.removeAllListeners('exit')
      resolve({
        url: `http://127.0.0.1:${port}/graphql`,
        pid,
        peakRssMiB: () => statusKiB(pid, 'VmHWM') / 1024,
        rssMiB: () => statusKiB(pid, 'VmRSS') / 1024,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done())
            child.kill('SIGTERM')
          })
      })
    })
  })
}
