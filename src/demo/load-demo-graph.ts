import type { RushDB } from '@rushdb/javascript-sdk'
import { attachLinks } from './attach-links.js'
import type { DemoBatch, DemoGraphOptions } from './demo-types.js'
import { generateCustomerGraph } from './generate-customer-graph.js'

/** Customers per nested `createMany` call unless told otherwise. */
export const DEFAULT_LOAD_BATCH_SIZE = 500

/** Progress after each written batch. */
export interface LoadProgress {
  customers: number
  totalCustomers: number
  records: number
  relationships: number
  ms: number
}

/** Options of `loadDemoGraph`: the graph's options plus how to write it. */
export interface LoadDemoGraphOptions extends DemoGraphOptions {
  /** Customers per nested import call (default 500). */
  batchSize?: number
  /** Called after every batch. */
  onProgress?: (progress: LoadProgress) => void
}

/** What a load wrote: records (children included), relationships (nested and typed), wall time. */
export interface LoadResult {
  records: number
  relationships: number
  ms: number
}

/** Which property holds the natural key of each label that takes part in a typed relationship. */
const NATURAL_KEY: Readonly<Record<string, string>> = {
  ACCOUNT: 'accountId',
  TOUCHPOINT: 'touchpointId',
  CUSTOMER: 'customerId',
  SUBSCRIPTION: 'subscriptionId',
  SUPPORT_TICKET: 'ticketId',
  INVOICE: 'invoiceId'
}

const CREATE_OPTIONS = { suggestTypes: true, returnResult: true } as const

/**
 * Writes the demo graph through the SDK only: nested `createMany` per batch of customers, flat
 * imports for accounts, touchpoints, helpdesk tickets and invoices, then typed `attach` calls
 * that map natural keys to the `__id`s the imports returned.
 */
export async function loadDemoGraph(db: RushDB, options: LoadDemoGraphOptions): Promise<LoadResult> {
  const started = performance.now()
  const graph = generateCustomerGraph(options)
  // Accounts persist across batches: a batch's customers may belong to an account created earlier.
  const accountIds = new Map<string, string>()
  const totals = { customers: 0, records: 0, relationships: 0 }
  for (const batch of graph.customerBatches(options.batchSize ?? DEFAULT_LOAD_BATCH_SIZE)) {
    const written = await writeBatch(db, batch, accountIds)
    totals.customers += batch.customers.length
    totals.records += written.records
    totals.relationships += written.relationships
    options.onProgress?.({ ...totals, totalCustomers: graph.options.customers, ms: performance.now() - started })
  }
  return { records: totals.records, relationships: totals.relationships, ms: performance.now() - started }
}

async function writeBatch(db: RushDB, batch: DemoBatch, accountIds: Map<string, string>): Promise<{ records: number; relationships: number }> {
  const ids = new Map<string, string>()
  let records = 0
  const importFlat = async (label: string, data: object[]): Promise<void> => {
    if (data.length === 0) return
    records += collectIds(await db.records.createMany({ label, data: data as Array<Record<string, unknown>>, options: CREATE_OPTIONS }), ids)
  }
  await importFlat('ACCOUNT', batch.accounts)
  for (const account of batch.accounts) accountIds.set(account.accountId, ids.get(account.accountId)!)
  await importFlat('TOUCHPOINT', batch.touchpoints)
  const customerRecords = collectIds(
    await db.records.createMany({ label: 'CUSTOMER', data: batch.customers as unknown as Array<Record<string, unknown>>, options: CREATE_OPTIONS }),
    ids
  )
  records += customerRecords
  // The import links every nested child to its parent customer: one relationship per child.
  const nestedRelationships = customerRecords - batch.customers.length
  await importFlat('SUPPORT_TICKET', batch.helpdeskTickets)
  await importFlat('INVOICE', batch.invoices)
  const resolve = (key: string): string => {
    const id = ids.get(key) ?? accountIds.get(key)
    if (!id) throw new Error(`loadDemoGraph: no record was created for natural key ${key}`)
    return id
  }
  const typed = await attachLinks(db, batch.links, resolve)
  return { records, relationships: nestedRelationships + typed }
}

/** Adds natural key → `__id` for every returned record that has one; returns how many records came back. */
function collectIds(result: { data: Array<{ data: Record<string, unknown> }> }, ids: Map<string, string>): number {
  for (const record of result.data) {
    const keyName = NATURAL_KEY[record.data.__label as string]
    const key = keyName === undefined ? undefined : record.data[keyName]
    if (typeof key === 'string') ids.set(key, record.data.__id as string)
  }
  return result.data.length
}
