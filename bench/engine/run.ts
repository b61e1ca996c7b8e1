/**
 * `npm run bench:engine`: the embedded engine through the official SDK (in-process), beside a
 * hand-written SQL floor on the same SQLite file. BENCH_CUSTOMERS picks the graph size (default
 * 100000, ≥ 1M records + relationships); BENCH_IMPORT_CUSTOMERS the import-throughput size.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CHURN_RISK_QUERY } from '../../src/demo/churn-risk-query.js'
import { benchDbName, ensureBenchDatabase } from './build-bench-db.js'
import { importBatches, sdkImport, sqlImport } from './import-throughput.js'
import { measure, type Timing } from './measure.js'
import { openSdk } from './open-sdk.js'
import { formatTable, machineLines, msPair, type ReportRow } from './report.js'
import { countGraph, openSqlFloor, sampleCustomerIds } from './sql-floor.js'

const DATA_DIR = join(import.meta.dirname, '..', '.data')
const customers = Number(process.env.BENCH_CUSTOMERS ?? 100_000)
const importCustomers = Number(process.env.BENCH_IMPORT_CUSTOMERS ?? 10_000)
const log = (line: string) => console.error(line)

async function main(): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true })
  const path = join(DATA_DIR, benchDbName(customers))
  log(`bench database: ${path}`)
  const built = await ensureBenchDatabase(path, customers, log)
  if (built) log(`built through the SDK: ${built.records} records, ${built.relationships} relationships in ${(built.ms / 1000).toFixed(1)} s`)
  else log('reusing the existing file (delete it to rebuild)')
  const size = countGraph(path)
  log(`graph: ${size.records} records + ${size.relationships} relationships = ${size.records + size.relationships}`)

  const { engine, db } = await openSdk(path)
  engine.db.exec('ANALYZE')
  const floor = openSqlFloor(path)
  const rows: ReportRow[] = []
  const results: Record<string, unknown> = { customers, ...size }
  try {
    log('(a) churn search')
    const sdkChurn = await db.records.find(CHURN_RISK_QUERY)
    const floorChurn = floor.churn()
    const sameChurn = sdkChurn.total === floorChurn.total &&
      sdkChurn.data.map((r) => r.data.__id).join() === floorChurn.data.map((r) => r.__id).join()
    if (!sameChurn) log(`  WARNING: engine and floor disagree: total ${sdkChurn.total} vs ${floorChurn.total}`)
    const churnSdk = await measure(() => db.records.find(CHURN_RISK_QUERY), 5, 60)
    const churnFloor = await measure(() => floor.churn(), 5, 60)
    rows.push(row(`churn search, limit 50 + total (${floorChurn.total} matches)`, churnSdk, churnFloor, 50))
    Object.assign(results, { churnTotal: sdkChurn.total, churnSame: sameChurn, churnSdk, churnFloor })

    log('(b) record by id, related records of one label')
    const ids = sampleCustomerIds(path, 200)
    const byIdSdk = await measure((i) => db.records.findById(ids[i % ids.length]), 50, 2000)
    const byIdFloor = await measure((i) => floor.findById(ids[i % ids.length]), 50, 2000)
    rows.push(row('record by id (findById)', byIdSdk, byIdFloor, 1))
    const relatedSdk = await measure((i) => db.records.find({ id: ids[i % ids.length], labels: ['SUPPORT_TICKET'] }), 50, 2000)
    const relatedFloor = await measure((i) => floor.related(ids[i % ids.length], 'SUPPORT_TICKET'), 50, 2000)
    rows.push(row("a record's SUPPORT_TICKETs (find with id)", relatedSdk, relatedFloor, 1))
    Object.assign(results, { byIdSdk, byIdFloor, relatedSdk, relatedFloor })
  } finally {
    floor.close()
    engine.close()
  }

  log(`(c) nested import throughput, ${importCustomers} customers in batches of 500`)
  const batches = importBatches(importCustomers, 500)
  const importSdk = await sdkImport(join(DATA_DIR, 'import-sdk.db'), batches)
  const importFloor = sqlImport(join(DATA_DIR, 'import-sql.db'), batches)
  rows.push({
    measure: `nested import, ${importSdk.records} records (children counted)`,
    engine: `${Math.round(importSdk.recordsPerSecond).toLocaleString('en-US')} records/s`,
    floor: `${Math.round(importFloor.recordsPerSecond).toLocaleString('en-US')} records/s`,
    target: '≥ 20,000 records/s',
    met: importSdk.recordsPerSecond >= 20_000
  })
  Object.assign(results, { importSdk, importFloor })

  const command = `BENCH_CUSTOMERS=${customers} BENCH_IMPORT_CUSTOMERS=${importCustomers} npm run bench:engine`
  const header = machineLines(command)
  const graphLine = `graph: ${customers} customers, ${size.records} records + ${size.relationships} relationships`
  console.log([...header, graphLine, '', formatTable(rows)].join('\n'))
  writeFileSync(join(DATA_DIR, `engine-results-${customers}.json`), JSON.stringify({ header, graphLine, rows, results }, null, 2))
}

function row(measureName: string, sdk: Timing, floor: Timing, targetMs: number): ReportRow {
  return {
    measure: measureName,
    engine: msPair(sdk.median, sdk.p95),
    floor: msPair(floor.median, floor.p95),
    target: `≤ ${targetMs} ms median`,
    met: sdk.median <= targetMs
  }
}

await main()
