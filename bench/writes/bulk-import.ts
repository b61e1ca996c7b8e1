import { rmSync, writeFileSync } from 'node:fs'
import { importFile, type ImportReport } from '../../src/cli/import-file.js'
import type { CustomerPayload } from '../../src/demo/demo-types.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import { schema } from '../../src/schema/index.js'
import { catalogFromSchema } from '../../src/writes/write-catalog.js'
import { openSdk } from '../engine/open-sdk.js'
import type { TransportTimer } from './timed-transport.js'

/** Payloads per minute of one run. */
export interface BulkRun {
  payloads: number
  records: number
  ms: number
  perMinute: number
}

/** Deletes an engine file with its WAL files. */
export function removeDb(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true })
}

/** Demo customer payloads (nested subscriptions, orders, tickets, events, feature usage), in batches. */
export function customerBatches(customers: number, seed: number, batchSize: number): CustomerPayload[][] {
  return [...generateCustomerGraph({ customers, seed }).customerBatches(batchSize)].map((b) => b.customers)
}

/** Writes the payloads as NDJSON, one customer per line (not timed). */
export function writeNdjson(path: string, batches: CustomerPayload[][]): void {
  writeFileSync(path, batches.flat().map((c) => JSON.stringify(c)).join('\n') + '\n')
}

function run(payloads: number, records: number, ms: number): BulkRun {
  return { payloads, records, ms, perMinute: payloads / (ms / 60_000) }
}

/**
 * The import command's code path (`importFile`: stream, validate, plan, resolve, write; one
 * transaction per 500 payloads) into a fresh engine file, then the same file again (all matched).
 */
export async function gatewayImport(dbPath: string, file: string, timer: TransportTimer): Promise<{ first: ImportReport; second: ImportReport; transportMs: [number, number]; routes: [string[], string[]] }> {
  removeDb(dbPath)
  const backend = createBackend({ kind: 'embedded', path: dbPath, profile: 'embedded' }, { wrapTransport: timer.wrap })
  await backend.sdk.waitForInitialization()
  const catalog = catalogFromSchema(schema)
  const options = { file, spec: { label: 'CUSTOMER' }, batchSize: 500, maxRecords: 50_000 }
  try {
    timer.reset()
    const first = await importFile(backend.sdk, catalog, options)
    const firstMs = timer.total().ms
    const firstRoutes = timer.lines()
    timer.reset()
    const second = await importFile(backend.sdk, catalog, options)
    return { first, second, transportMs: [firstMs, timer.total().ms], routes: [firstRoutes, timer.lines()] }
  } finally {
    await backend.close()
    removeDb(dbPath)
  }
}

/** The floor: the same payloads as nested `createMany` calls straight through the SDK (create only, or upsert by key). */
export async function sdkNestedImport(dbPath: string, batches: CustomerPayload[][], upsert: boolean): Promise<BulkRun> {
  removeDb(dbPath)
  const { engine, db } = await openSdk(dbPath)
  const options: Record<string, unknown> = { suggestTypes: true, returnResult: true }
  if (upsert) Object.assign(options, { mergeBy: ['customerId', 'subscriptionId', 'orderId', 'ticketId', 'eventId', 'feature', 'periodStart'], mergeStrategy: 'append' })
  try {
    let records = 0
    const started = performance.now()
    for (const data of batches) {
      const tx = await db.tx.begin({ ttl: 30_000 })
      records += (await db.records.createMany({ label: 'CUSTOMER', data: data as never, options } as never, tx)).data.length
      await db.tx.commit(tx)
    }
    return run(batches.reduce((n, b) => n + b.length, 0), records, performance.now() - started)
  } finally {
    engine.close()
    removeDb(dbPath)
  }
}

/** Payloads per minute of an import report. */
export function reportRun(report: ImportReport): BulkRun {
  return run(report.payloads, report.recordsCreated + report.recordsUpdated, report.ms)
}
