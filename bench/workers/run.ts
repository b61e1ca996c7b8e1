/**
 * `npm run bench:workers`: the server as deployed (`src/server.ts`, NODE_ENV=production, every
 * production plugin, rate limit off) with WORKERS=1 and WORKERS=2 on the same engine file, each
 * reference operation loaded with autocannon at a fixed connection count. Prints requests/s and
 * latency percentiles per worker count, the ratio, and the peak RSS of all the server's processes.
 * Env: BENCH_SIZE (100k-customers), BENCH_WORKER_COUNTS (1,2), BENCH_DURATION (s, 8),
 * BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (16), BENCH_OPERATIONS (all; comma-separated names).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { openSdk } from '../engine/open-sdk.js'
import { machineLines } from '../engine/report.js'
import { DATA_DIR, dataSizes, ensureDataSize } from '../suite/data-sizes.js'
import { runLoad, type LoadResult } from '../suite/load-run.js'
import { referenceOperations, type ReferenceOperation } from '../suite/reference-operations.js'

const size = dataSizes(process.env.BENCH_SIZE ?? '100k-customers')[0]
const counts = (process.env.BENCH_WORKER_COUNTS ?? '1,2').split(',').map(Number)
const seconds = Number(process.env.BENCH_DURATION ?? 8)
const warmup = Number(process.env.BENCH_WARMUP ?? 2)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16)
const only = process.env.BENCH_OPERATIONS?.split(',').map((s) => s.trim())
const log = (line: string) => process.stderr.write(`${line}\n`)

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
    probe.on('error', reject)
  })
}

/** The server process and every process under it (the workers). */
function processTree(pid: number): number[] {
  const file = `/proc/${pid}/task/${pid}/children`
  const children = existsSync(file) ? readFileSync(file, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) : []
  return [pid, ...children.flatMap(processTree)]
}

function peakRssMiB(pid: number): number {
  return processTree(pid).reduce((sum, p) => {
    const line = readFileSync(`/proc/${p}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'))
    return sum + (line ? Number(line.split(/\s+/)[1]) / 1024 : 0)
  }, 0)
}

async function startServer(workers: number): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', '..', 'src', 'server.ts')], {
    env: { ...process.env, WORKERS: String(workers), PORT: String(port), HOST: '127.0.0.1', ENGINE_PATH: size.path, DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ALLOW_OPEN_ACCESS: 'true' },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was ready`)
    // /ready answers from whichever worker takes the connection: wait until every worker is forked
    // and one answers, then until a request on each of `workers` fresh connections succeeds.
    const expected = workers > 1 ? workers + 1 : 1
    if (processTree(child.pid!).length >= expected && (await allReady(url, workers))) return { url: `${url}/graphql`, child }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('the server did not become ready within 150 s')
}

async function allReady(url: string, workers: number): Promise<boolean> {
  for (let i = 0; i < workers * 2; i++) {
    const ok = await fetch(`${url}/ready`, { headers: { connection: 'close' } }).then((r) => r.ok, () => false)
    if (!ok) return false
  }
  return true
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

const fmt = (r: LoadResult) => `${r.rps.toFixed(0).padStart(5)} req/s  p50 ${r.p50.toFixed(0).padStart(4)}  p95 ${r.p95.toFixed(0).padStart(4)}  p99 ${r.p99.toFixed(0).padStart(4)} ms${r.failed ? `  FAILED ${r.failed}` : ''}`

await ensureDataSize(size, log)
const { engine, db } = await openSdk(size.path)
const operations: ReferenceOperation[] = (await referenceOperations(db)).filter((op) => !only || only.includes(op.name))
engine.close()

const results: Record<number, { peakRssMiB: number; operations: Record<string, LoadResult> }> = {}
for (const workers of counts) {
  log(`WORKERS=${workers}: starting on ${size.name}`)
  const { url, child } = await startServer(workers)
  const figures: Record<string, LoadResult> = {}
  for (const op of operations) {
    const request = { query: op.query, variables: op.variables }
    await runLoad(url, request, connections, warmup)
    figures[op.name] = await runLoad(url, request, connections, seconds)
    log(`  ${op.name.padEnd(16)} ${fmt(figures[op.name])}`)
  }
  results[workers] = { peakRssMiB: peakRssMiB(child.pid!), operations: figures }
  await stop(child)
}

const command = `BENCH_SIZE=${size.name} BENCH_WORKER_COUNTS=${counts.join(',')} BENCH_DURATION=${seconds} BENCH_CONNECTIONS=${connections} npm run bench:workers`
const lines = [...machineLines(command), '', `${size.name} (${size.customers} customers), ${connections} connections, ${seconds} s per run`, '']
lines.push(`| operation | ${counts.map((w) => `WORKERS=${w}`).join(' | ')} | ratio |`, `|---|${counts.map(() => '---').join('|')}|---|`)
for (const op of operations) {
  const row = counts.map((w) => results[w].operations[op.name])
  const cells = row.map((r) => `${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(0)} / p95 ${r.p95.toFixed(0)} / p99 ${r.p99.toFixed(0)} ms`)
  lines.push(`| ${op.name} | ${cells.join(' | ')} | ${(row[row.length - 1].rps / row[0].rps).toFixed(2)}× |`)
}
lines.push('', `peak RSS of all the server's processes: ${counts.map((w) => `WORKERS=${w} ${results[w].peakRssMiB.toFixed(0)} MiB`).join(', ')}`)
console.log(lines.join('\n'))
writeFileSync(join(DATA_DIR, 'workers-results.json'), JSON.stringify({ command, results }, null, 2))
