/**
 * Group-by searches as the engine runs them, beside hand-written SQL GROUP BY floors on the same
 * file: MRR by region (bench/operations/mrr-by-region.graphql, 25,075 accounts on the 100k file) and
 * invoices by issue month and status (a time bucket, 284,315 invoices there).
 *
 * `npm run bench:group-by -- [--file F] [--sdk-file G] [--runs N] [--only mrr-by-region]`
 *
 * - `--file F` (read-only): the engine's search (`runSearch` with the in-memory indexes, as the
 *   engine's read connection runs it) and the SQL floor, on a connection opened read-only, so a
 *   shared benchmark file is never written.
 * - `--sdk-file G` (optional, written: opening an engine migrates and optimises the file, so pass a
 *   scratch copy): the same search through the official SDK over the in-process client.
 */
import { loadavg } from 'node:os'
import Database from 'better-sqlite3'
import { readFileSync } from 'node:fs'
import { loadConfig } from '../../src/config.js'
import { GraphIndex } from '../../src/engine/index/graph-index.js'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'
import { schema } from '../../src/schema/index.js'
import { translateOperation } from '../suite/translate-operation.js'
import type { Timing } from './measure.js'
import { openSdk } from './open-sdk.js'

/** One measured group-by: the gateway operation and its SQL floor. */
interface GroupByCase {
  name: string
  operation: string
  floor: string
}

const CASES: GroupByCase[] = [
  {
    name: 'mrr-by-region',
    operation: readFileSync(new URL('../operations/mrr-by-region.graphql', import.meta.url), 'utf8'),
    floor: `SELECT g.v AS region, count(*) AS n, coalesce(sum(m.v), 0) AS mrr
      FROM records a
      LEFT JOIN vals g ON g.rid = a.rid AND g.name = 'region' AND g.pos = 0
      LEFT JOIN vals m ON m.rid = a.rid AND m.name = 'mrr' AND m.type = 'number' AND m.pos = 0
      WHERE a.label = 'ACCOUNT' GROUP BY g.v ORDER BY g.v`
  },
  {
    name: 'invoices-by-month-status',
    operation: `{ invoicesGroupBy(by: [{ field: issuedAt, bucket: MONTH }, { field: status }], limit: 1000) {
      key { issuedAt status } count sum { amount } } }`,
    floor: `SELECT strftime('%Y-%m', t.ts / 1000, 'unixepoch') AS month, s.v AS status, count(*) AS n, coalesce(sum(a.v), 0) AS amount
      FROM records r
      LEFT JOIN vals t ON t.rid = r.rid AND t.name = 'issuedAt' AND t.pos = 0
      LEFT JOIN vals s ON s.rid = r.rid AND s.name = 'status' AND s.pos = 0
      LEFT JOIN vals a ON a.rid = r.rid AND a.name = 'amount' AND a.type = 'number' AND a.pos = 0
      WHERE r.label = 'INVOICE' GROUP BY 1, 2 ORDER BY 1, 2`
  }
]

function argument(name: string, fallback?: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`)
  return at >= 0 ? process.argv[at + 1] : fallback
}

/** The SearchQuery the gateway compiles for an operation (the one engine search it sends). */
function searchQueryOf(operation: string): SearchQuery {
  const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', LOG_LEVEL: 'silent', ALLOW_OPEN_ACCESS: 'true' })
  const [root] = translateOperation(schema, config, operation, {})
  return root.compile() as SearchQuery
}

function line(name: string, t: Timing, extra = ''): string {
  return `${name.padEnd(30)} median ${t.median.toFixed(1).padStart(7)} ms   p95 ${t.p95.toFixed(1).padStart(7)} ms   (${t.iterations} runs)${extra}`
}

/**
 * Times two operations alternately (a, b, a, b, …) after two unmeasured rounds, so a change in the
 * machine's load during the run weighs on both alike.
 */
async function interleaved(a: () => unknown, b: () => unknown, runs: number): Promise<[Timing, Timing]> {
  const samples: [number[], number[]] = [[], []]
  for (let i = -2; i < runs; i++) {
    for (const [k, fn] of [a, b].entries()) {
      const started = performance.now()
      await fn()
      if (i >= 0) samples[k].push(performance.now() - started)
    }
  }
  return [summary(samples[0]), summary(samples[1])]
}

function summary(samples: number[]): Timing {
  samples.sort((x, y) => x - y)
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.max(0, Math.ceil(q * samples.length) - 1))]
  return { iterations: samples.length, median: at(0.5), p95: at(0.95) }
}

async function main(): Promise<void> {
  const file = argument('file', 'bench/.data/engine-100k.db')!
  const sdkFile = argument('sdk-file')
  const runs = Number(argument('runs', '15'))
  const only = argument('only')
  console.log(`load before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  for (const c of CASES.filter((c) => !only || c.name === only)) {
    const query = searchQueryOf(c.operation)
    console.log(`\n${c.name}: ${JSON.stringify(query)}`)
    const db = new Database(file, { readonly: true })
    db.pragma('cache_size = -65536')
    const index = new GraphIndex()
    const floor = db.prepare(c.floor)
    const groups = runSearch(db, query, undefined, index).data.length
    console.log(`${file}: ${groups} groups, ${(floor.all() as unknown[]).length} floor rows`)
    const [engine, sqlFloor] = await interleaved(() => runSearch(db, query, undefined, index), () => floor.all(), runs)
    db.close()
    console.log(line('engine runSearch (read-only)', engine))
    console.log(line('SQL floor GROUP BY', sqlFloor))
    if (sdkFile) await viaSdk(sdkFile, query, c.floor, runs)
  }
  console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}

/** The same search through the SDK's in-process client on a scratch copy, beside its floor. */
async function viaSdk(sdkFile: string, query: SearchQuery, floorSql: string, runs: number): Promise<void> {
  const { engine, db: sdk } = await openSdk(sdkFile)
  const copy = new Database(sdkFile, { readonly: true })
  try {
    const search = () => sdk.records.find(query as never)
    const rows = (await search()).data.length
    const copyFloor = copy.prepare(floorSql)
    const [timing, sqlFloor] = await interleaved(search, () => copyFloor.all(), runs)
    console.log(line(`SDK in-process (${rows} rows)`, timing, `   on ${sdkFile}`))
    console.log(line('SQL floor GROUP BY on the copy', sqlFloor))
  } finally {
    copy.close()
    engine.close()
  }
}

await main()
