import { existsSync, renameSync, rmSync } from 'node:fs'
import { loadDemoGraph, type LoadResult } from '../../src/demo/load-demo-graph.js'
import { openSdk } from './open-sdk.js'

/** File name of the benchmark database for a size: engine-100k.db, engine-10k.db, engine-2500.db. */
export function benchDbName(customers: number): string {
  const size = customers % 1000 === 0 ? `${customers / 1000}k` : String(customers)
  return `engine-${size}.db`
}

/**
 * Builds the demo graph into `path` through the SDK, unless the file exists. Builds into a
 * temporary name and renames at the end, so an interrupted build is never reused.
 */
export async function ensureBenchDatabase(path: string, customers: number, log: (line: string) => void): Promise<LoadResult | null> {
  if (existsSync(path)) return null
  const building = `${path}.building`
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true })
  const { engine, db } = await openSdk(building)
  let lastLog = 0
  const result = await loadDemoGraph(db, {
    customers,
    onProgress: (p) => {
      if (p.ms - lastLog < 10_000 && p.customers < p.totalCustomers) return
      lastLog = p.ms
      const rate = Math.round(p.records / (p.ms / 1000))
      log(`  built ${p.customers}/${p.totalCustomers} customers, ${p.records} records, ${p.relationships} relationships, ${(p.ms / 1000).toFixed(0)} s (${rate} records/s)`)
    }
  })
  engine.db.exec('ANALYZE')
  engine.close()
  renameSync(building, path)
  return result
}
