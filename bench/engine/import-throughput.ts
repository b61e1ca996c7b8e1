import type Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { uuidv7 } from 'uuidv7'
import type { CustomerPayload } from '../../src/demo/demo-types.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'
import { openDatabase } from '../../src/engine/storage/open-database.js'
import { openSdk } from './open-sdk.js'

/** Records written per second and how many were written. */
export interface Throughput {
  records: number
  ms: number
  recordsPerSecond: number
}

/** The nested customer payloads of `customers` customers, in import batches, generated up front (not timed). */
export function importBatches(customers: number, batchSize: number, seed = 7): CustomerPayload[][] {
  return [...generateCustomerGraph({ customers, seed }).customerBatches(batchSize)].map((b) => b.customers)
}

function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}

/** Nested import through the SDK (`createMany` with returnResult) into a fresh file database; children count. */
export async function sdkImport(path: string, batches: CustomerPayload[][]): Promise<Throughput> {
  removeDb(path)
  const { engine, db } = await openSdk(path)
  try {
    let records = 0
    const started = performance.now()
    for (const data of batches) {
      const result = await db.records.createMany({
        label: 'CUSTOMER',
        data: data as unknown as Array<Record<string, unknown>>,
        options: { suggestTypes: true, returnResult: true }
      })
      records += result.data.length
    }
    const ms = performance.now() - started
    return { records, ms, recordsPerSecond: records / (ms / 1000) }
  } finally {
    engine.close()
    removeDb(path)
  }
}

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

interface SqlWriter {
  record: Database.Statement
  val: Database.Statement
  rel: Database.Statement
}

/** Inserts one record (its flat properties) and returns its rid; nested arrays are handled by the caller. */
function insertRecord(w: SqlWriter, label: string, source: Record<string, unknown>): number {
  const props: Record<string, unknown> = {}
  const types: Record<string, string> = {}
  for (const [k, v] of Object.entries(source)) {
    if (Array.isArray(v)) continue
    props[k] = v
    types[k] = v === null ? 'null' : typeof v === 'number' ? 'number' : ISO_Z.test(v as string) ? 'datetime' : 'string'
  }
  const rid = Number(w.record.run(uuidv7(), label, JSON.stringify(props), JSON.stringify(types)).lastInsertRowid)
  for (const [k, v] of Object.entries(props)) {
    w.val.run(rid, k, types[k], v, types[k] === 'datetime' ? Date.parse(v as string) : null)
  }
  return rid
}

/**
 * The floor: the same nested payloads written by hand-written prepared INSERTs into the same
 * tables (records, vals, rels), one transaction per batch, with the same trivial type inference.
 */
export function sqlImport(path: string, batches: CustomerPayload[][]): Throughput {
  removeDb(path)
  const db = openDatabase({ path })
  try {
    const w: SqlWriter = {
      record: db.prepare('INSERT INTO records (id, label, props, proptypes) VALUES (?, ?, ?, ?)'),
      val: db.prepare('INSERT INTO vals (rid, name, type, pos, v, ts) VALUES (?, ?, ?, 0, ?, ?)'),
      rel: db.prepare("INSERT INTO rels (src, dst, type) VALUES (?, ?, '__RUSHDB__RELATION__DEFAULT__')")
    }
    const writeBatch = db.transaction((customers: CustomerPayload[]) => {
      let n = 0
      for (const customer of customers) {
        const parent = insertRecord(w, 'CUSTOMER', customer as unknown as Record<string, unknown>)
        n++
        for (const label of ['SUBSCRIPTION', 'ORDER', 'SUPPORT_TICKET', 'EVENT', 'FEATURE_USAGE'] as const) {
          for (const child of customer[label]) {
            w.rel.run(parent, insertRecord(w, label, child as unknown as Record<string, unknown>))
            n++
          }
        }
      }
      return n
    })
    let records = 0
    const started = performance.now()
    for (const customers of batches) records += writeBatch(customers)
    const ms = performance.now() - started
    return { records, ms, recordsPerSecond: records / (ms / 1000) }
  } finally {
    db.close()
    removeDb(path)
  }
}
