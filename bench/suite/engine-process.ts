import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

/** The embedded engine served over HTTP by `npm run engine`, as a child process on loopback. */
export interface EngineProcess {
  /** What the gateway's RUSHDB_URL / RUSHDB_API_KEY / BACKEND_PROFILE become. */
  env: Record<string, string>
  pid: number
  stop(): Promise<void>
}

/**
 * Starts src/engine/cli.ts on `enginePath` on an ephemeral port, so the gateway reaches the engine
 * the way it reaches a RushDB server: one HTTP request per SDK call. The gateway keeps the
 * embedded profile (the engine's extensions, folded relations), so only the transport differs.
 */
export function startEngineServer(enginePath: string): Promise<EngineProcess> {
  const token = randomBytes(16).toString('hex')
  const entry = join(import.meta.dirname, '..', '..', 'src', 'engine', 'cli.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ENGINE_PATH: enginePath, ENGINE_TOKEN: token, ENGINE_PORT: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the engine server exited with ${code} before listening`)))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      const url = /on (http:\S+)/.exec(line)?.[1]
      if (!url) return reject(new Error(`the engine server printed "${line}" instead of its URL`))
      child.removeAllListeners('exit')
      resolve({
        env: { RUSHDB_URL: url, RUSHDB_API_KEY: token, BACKEND_PROFILE: 'embedded' },
        pid: child.pid!,
        stop: () =>
          new Promise((done) => {
            child.once('exit', () => done())
            child.kill('SIGTERM')
          })
      })
    })
  })
}
