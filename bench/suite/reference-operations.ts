import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RushDB } from '@rushdb/javascript-sdk'
import type { GraphQLSchema } from 'graphql'
import { compileOrder } from '../../src/resolvers/compile-order.js'
import { encodeCursor } from '../../src/resolvers/keyset-cursor.js'
import { customerMapping } from '../../src/schema/customer.js'
import { schema as gatewaySchema } from '../../src/schema/index.js'

/** Where the reference operations live, one `.graphql` file each. */
export const OPERATIONS_DIR = join(import.meta.dirname, '..', 'operations')

/** How deep the deep page starts: the row this many rows into the list (or half the list when it is shorter). */
export const DEEP_PAGE_ROWS = 50_000

/** One reference operation with the variables it runs with on a given graph. */
export interface ReferenceOperation {
  /** Short name used in tables and files, e.g. `three-levels`. */
  name: string
  /** What it asks, for the report. */
  title: string
  query: string
  variables: Record<string, unknown>
}

/** The text of `bench/operations/<file>.graphql`. */
export function operationText(file: string): string {
  return readFileSync(join(OPERATIONS_DIR, `${file}.graphql`), 'utf8')
}

/**
 * The cursor of the customer `depth` rows into `customersConnection(orderBy: [{customerId: ASC}])`:
 * the row is read through the SDK in that order and its key values encoded exactly as the gateway
 * encodes an `endCursor` (src/resolvers/keyset-cursor.ts), so it is the cursor a client paging
 * that far would hold. Returns the depth actually used (half the list when it is shorter).
 */
export async function deepCursor(sdk: RushDB, depth = DEEP_PAGE_ROWS): Promise<{ cursor: string; rows: number }> {
  const keys = compileOrder(customerMapping, [{ customerId: 'ASC' }])
  const count = await sdk.records.find({ labels: ['CUSTOMER'], limit: 1 })
  const rows = Math.min(depth, Math.floor(count.total / 2))
  const found = await sdk.records.find({ labels: ['CUSTOMER'], orderBy: { customerId: 'asc', __id: 'asc' }, skip: rows - 1, limit: 1, skipTotal: true } as never)
  const record = found.data[0]?.data as Record<string, unknown> | undefined
  if (!record) throw new Error(`the graph has no customer ${rows} rows into the list`)
  return { cursor: encodeCursor(keys, record), rows }
}

/** A ticket whose customer has subscriptions with invoices (the middle one in ticketId order among such tickets). */
export async function contextTicketId(sdk: RushDB): Promise<string> {
  const found = await sdk.records.find({
    labels: ['SUPPORT_TICKET'],
    where: { CUSTOMER: { SUBSCRIPTION: { INVOICE: { invoiceId: { $exists: true } } } } },
    orderBy: { ticketId: 'asc' },
    limit: 1000,
    skipTotal: true
  } as never)
  const ids = found.data.map((r) => (r.data as { ticketId: string }).ticketId)
  if (ids.length === 0) throw new Error('the graph has no ticket of a customer with invoices')
  return ids[Math.floor(ids.length / 2)]
}

/** A reference operation the schema cannot run yet, and why. */
export interface PendingOperation {
  name: string
  title: string
  reason: string
}

/** The operations of bench/operations the gateway's schema cannot answer yet (no group-by root field, for one). */
export function pendingOperations(schema: GraphQLSchema): PendingOperation[] {
  if (schema.getQueryType()?.getFields().accountsGroupBy) return []
  return [{ name: 'mrr-by-region', title: 'MRR by region (group-by)', reason: 'the schema has no accountsGroupBy root field yet, and without one the sum needs every account read page by page' }]
}

/** The reference operations, with variables picked on the graph behind `sdk`; those `schema` cannot run yet are left out. */
export async function referenceOperations(sdk: RushDB, depth = DEEP_PAGE_ROWS, schema: GraphQLSchema = gatewaySchema): Promise<ReferenceOperation[]> {
  const deep = await deepCursor(sdk, depth)
  const ticketId = await contextTicketId(sdk)
  return [
    { name: 'flat-list', title: 'flat list of 20 customers', query: operationText('flat-list'), variables: {} },
    { name: 'three-levels', title: '20 customers → subscriptions → invoices', query: operationText('three-levels'), variables: {} },
    { name: 'churn-risk', title: 'churn-risk query (seeds)', query: operationText('churn-risk'), variables: {} },
    { name: 'ticket-context', title: 'account context of one ticket', query: operationText('ticket-context'), variables: { ticketId } },
    { name: 'first-page', title: 'customersConnection, first page', query: operationText('customer-page'), variables: {} },
    { name: 'deep-page', title: `customersConnection, page after ${deep.rows.toLocaleString('en-US')} rows`, query: operationText('customer-page'), variables: { after: deep.cursor } },
    { name: 'mrr-by-region', title: 'MRR by region (group-by)', query: operationText('mrr-by-region'), variables: {} }
  ].filter((op) => !pendingOperations(schema).some((p) => p.name === op.name))
}
