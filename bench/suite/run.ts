/**
 * `npm run bench`: the gateway's performance suite. For each data size (BENCH_SIZES, default
 * 10k,100k,1m,100k-customers; engine files built once under bench/.data and reused), each reference
 * operation of bench/operations runs against the real gateway and against a naive field-by-field
 * baseline, both as child processes on loopback under autocannon, and as hand-written SQL on the
 * same file. Knobs: BENCH_DURATION (s per measured run, 10), BENCH_LATENCY_DURATION (s of the
 * one-connection run, 3), BENCH_WARMUP (s, 2), BENCH_CONNECTIONS (16), BENCH_TRANSPORT (in-process, or
 * http: each gateway reaches the engine over loopback HTTP, as it would a RushDB server).
 */
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { DATA_DIR, dataSizes, ensureDataSize, SIZE_NAMES } from './data-sizes.js'
import { measureSize, type LoadPlan, type SizeFigures } from './measure-size.js'
import { checkTargets, sizeTables, targetTable } from './suite-report.js'
import { pendingOperations } from './reference-operations.js'
import { schema } from '../../src/schema/index.js'

const log = (line: string) => console.error(line)
const num = (name: string, fallback: number) => {
  const n = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0`)
  return n
}

function transportFrom(raw: string | undefined): LoadPlan['transport'] {
  if (raw === undefined || raw === '' || raw === 'in-process') return 'in-process'
  if (raw === 'http') return 'http'
  throw new Error(`BENCH_TRANSPORT must be "in-process" or "http", got "${raw}"`)
}

const sizesArg = process.env.BENCH_SIZES ?? SIZE_NAMES.join(',')
const plan: LoadPlan = {
  connections: num('BENCH_CONNECTIONS', 16),
  seconds: num('BENCH_DURATION', 10),
  latencySeconds: num('BENCH_LATENCY_DURATION', 3),
  warmupSeconds: num('BENCH_WARMUP', 2),
  transport: transportFrom(process.env.BENCH_TRANSPORT)
}
const loads: number[][] = []
const sampleLoad = () => loads.push(loadavg())
const loadTimer = setInterval(sampleLoad, 10_000)
sampleLoad()

const results: SizeFigures[] = []
for (const size of dataSizes(sizesArg)) {
  log(`size ${size.name} (${size.customers} customers): ${size.path}`)
  await ensureDataSize(size, log)
  results.push(await measureSize(size, plan, log))
}
clearInterval(loadTimer)

const command = `${plan.transport === 'http' ? 'BENCH_TRANSPORT=http ' : ''}BENCH_SIZES=${sizesArg} BENCH_DURATION=${plan.seconds} BENCH_LATENCY_DURATION=${plan.latencySeconds} BENCH_CONNECTIONS=${plan.connections} npm run bench`
const oneMinute = loads.map((l) => l[0])
const header = [
  `machine: ${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} cores (nproc), load average (1 min) ${Math.min(...oneMinute).toFixed(1)}–${Math.max(...oneMinute).toFixed(1)} during the run`,
  `node: ${process.version}, ${process.platform}/${process.arch}`,
  `engine: ${plan.transport === 'http' ? 'served over HTTP by `npm run engine` (one child process per gateway), reached like a RushDB server' : 'in the gateway process (the SDK\'s in-process transport)'}`,
  `date: ${new Date().toISOString()}`,
  `command: ${command}`
]
const sections = results.map((s) => [`### ${s.size}: ${s.customers.toLocaleString('en-US')} customers, ${s.records.toLocaleString('en-US')} records + ${s.relationships.toLocaleString('en-US')} relationships`, '', sizeTables(s, plan.connections)].join('\n'))
const pending = pendingOperations(schema).map((p) => `- pending: ${p.title} (bench/operations/${p.name}.graphql): ${p.reason}.`)
if (pending.length) sections.push(pending.join('\n'))
const targetSize = results.find((s) => s.size === '100k-customers') ?? results.at(-1)!
const targets = [`### Targets (${targetSize.size})`, '', targetTable(checkTargets(targetSize))].join('\n')
console.log([...header, '', ...sections.flatMap((s) => [s, '']), targets].join('\n'))
writeFileSync(join(DATA_DIR, 'suite-results.json'), JSON.stringify({ header, plan, results }, null, 2))
