import type { RushDB } from '@rushdb/javascript-sdk'
import { importFile } from '../../src/cli/import-file.js'
import { loadConfig } from '../../src/config.js'
import { createRng, type Rng } from '../../src/demo/prng.js'
import { createGateway, type Gateway } from '../../src/gateway.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import type { RestCall } from '../../src/rushdb/rest-call.js'
import { schema } from '../../src/schema/index.js'
import { appendEvents } from '../../src/writes/append-events.js'
import { catalogFromSchema } from '../../src/writes/write-catalog.js'
import { removeDb } from './bulk-import.js'
import type { TransportTimer } from './timed-transport.js'

/** Events per second of one way of appending. */
export interface EventRun {
  events: number
  ms: number
  perSecond: number
  /** Milliseconds below the SDK (transport copy + engine). */
  transportMs: number
  routes: string[]
}

const TYPES = ['login', 'page_view', 'feature_used', 'export', 'invite_sent', 'api_call', 'report_created'] as const
const APPEND = `mutation Append($events: [EventAppendInput!]!) { appendEvents(events: $events) { appended duplicates } }`

/** Batches of `size` new events, each for a customer drawn uniformly from `customerIds` (a worst case for grouping). */
export function eventBatches(rng: Rng, customerIds: readonly string[], prefix: string, batches: number, size: number): Array<Array<Record<string, unknown>>> {
  const out: Array<Array<Record<string, unknown>>> = []
  let seq = 0
  const start = Date.parse('2026-06-01T00:00:00Z')
  for (let b = 0; b < batches; b++) {
    const batch: Array<Record<string, unknown>> = []
    for (let i = 0; i < size; i++) {
      seq++
      const type = rng.pick(TYPES)
      batch.push({
        customerId: rng.pick(customerIds), eventId: `${prefix}-${seq}`, type, description: `bench ${type}`, source: 'web',
        occurredAt: new Date(start + seq * 1000).toISOString().replace('.000Z', 'Z')
      })
    }
    out.push(batch)
  }
  return out
}

/** Runs `fn` once, timing it and the transport below the SDK. */
export async function timed(events: number, timer: TransportTimer, fn: () => Promise<void>): Promise<EventRun> {
  timer.reset()
  const started = performance.now()
  await fn()
  const ms = performance.now() - started
  return { events, ms, perSecond: events / (ms / 1000), transportMs: timer.total().ms, routes: timer.lines() }
}

/** One appendEvents batch through `gateway.fetch`. */
export async function postAppend(gateway: Gateway, events: Array<Record<string, unknown>>): Promise<{ appended: number; duplicates: number }> {
  const res = await gateway.fetch('http://bench.local/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: APPEND, variables: { events } })
  })
  const body = (await res.json()) as { data?: { appendEvents: { appended: number; duplicates: number } }; errors?: unknown }
  if (!body.data?.appendEvents) throw new Error(`appendEvents failed: ${JSON.stringify(body.errors)}`)
  return body.data.appendEvents
}

/**
 * The hand-written floor: the same calls the write path makes, without validation, planning or
 * GraphQL — events keep their customerId and are linked by one create-many key join — or, with
 * `rest` absent, the calls it made before the key join: one attach per customer.
 */
async function sdkAppend(db: RushDB, events: Array<Record<string, unknown>>, rest?: RestCall): Promise<void> {
  const tx = await db.tx.begin({ ttl: 30_000 })
  const keys = [...new Set(events.map((e) => e.customerId as string))]
  const customers = await db.records.find({ labels: ['CUSTOMER'], where: { customerId: { $in: keys } }, limit: 1000 }, tx)
  const idOf = new Map(customers.data.map((r) => [r.data.customerId as string, r.data.__id as string]))
  const existing = await db.records.find({ labels: ['EVENT'], where: { eventId: { $in: events.map((e) => e.eventId as string) } }, limit: 1000 }, tx)
  const seen = new Set(existing.data.map((r) => r.data.eventId))
  const fresh = events.filter((e) => !seen.has(e.eventId))
  const data = rest ? fresh : fresh.map(({ customerId: _, ...props }) => props)
  const created = await db.records.createMany({ label: 'EVENT', data: data as never, options: { suggestTypes: true, returnResult: true } }, tx)
  if (rest) {
    const side = (label: string, ids: string[]) => ({ label, key: 'customerId', where: { $id: { $in: ids } } })
    const body = { source: side('CUSTOMER', [...new Set(fresh.map((e) => idOf.get(e.customerId as string)!))]), target: side('EVENT', created.data.map((r) => r.data.__id as string)), type: '__RUSHDB__RELATION__DEFAULT__', direction: 'out' }
    const answer = await rest('POST', '/relationships/create-many', body, { 'x-transaction-id': tx.id })
    if (answer.status >= 300) throw new Error(`create-many failed: ${answer.status} ${JSON.stringify(answer.body)}`)
    await db.tx.commit(tx)
    return
  }
  const byCustomer = new Map<string, string[]>()
  created.data.forEach((r, i) => {
    const id = idOf.get(fresh[i].customerId as string)!
    byCustomer.set(id, [...(byCustomer.get(id) ?? []), r.data.__id as string])
  })
  for (const [source, target] of byCustomer) await db.records.attach({ source, target }, tx)
  await db.tx.commit(tx)
}

/**
 * Event append on a graph of `customers` demo customers: `batches` batches of 1,000 new events
 * through `gateway.fetch` (the GraphQL mutation), one repeated batch (all duplicates), and the same
 * work through the write path without GraphQL and through hand-written SDK calls (with the key
 * join, and with one attach per customer as before it).
 */
export async function eventBench(dbPath: string, customersFile: string, batches: number, timer: TransportTimer) {
  removeDb(dbPath)
  const config = loadConfig({ ENGINE_PATH: dbPath, DEMO_CUSTOMERS: '0' })
  const backend = createBackend(config.backend, { wrapTransport: timer.wrap })
  const gateway = createGateway(config, backend)
  const catalog = catalogFromSchema(schema)
  try {
    await backend.sdk.waitForInitialization()
    const seeded = await importFile(backend.sdk, catalog, { file: customersFile, spec: { label: 'CUSTOMER' }, batchSize: 500, maxRecords: 50_000 })
    const ids = (await backend.sdk.records.find({ labels: ['CUSTOMER'], limit: 1000 })).data.map((r) => r.data.customerId as string)
    const rng = createRng(99)
    for (const warm of eventBatches(rng, ids, 'warm', 2, 1000)) await postAppend(gateway, warm)
    const graphqlBatches = eventBatches(rng, ids, 'gql', batches, 1000)
    const graphql = await timed(batches * 1000, timer, async () => {
      for (const batch of graphqlBatches) {
        const r = await postAppend(gateway, batch)
        if (r.appended !== 1000) throw new Error(`expected 1000 appended, got ${r.appended}`)
      }
    })
    // Events cluster by customer in practice: the same work when each batch belongs to 50 customers.
    const clusteredBatches = Array.from({ length: batches }, (_, b) => eventBatches(rng, ids.slice((b * 50) % ids.length, ((b * 50) % ids.length) + 50), `cl${b}`, 1, 1000)[0])
    const clustered = await timed(batches * 1000, timer, async () => {
      for (const batch of clusteredBatches) await postAppend(gateway, batch)
    })
    const repeat = await timed(1000, timer, async () => {
      const r = await postAppend(gateway, graphqlBatches[0])
      if (r.duplicates !== 1000) throw new Error(`expected 1000 duplicates, got ${r.duplicates}`)
    })
    const direct = eventBatches(rng, ids, 'direct', batches, 1000)
    const writePath = await timed(batches * 1000, timer, async () => {
      for (const batch of direct) await appendEvents(backend.sdk, catalog, batch, { maxRecords: 50_000 })
    })
    const floorBatches = eventBatches(rng, ids, 'sdk', batches, 1000)
    const sdk = await timed(batches * 1000, timer, async () => {
      for (const batch of floorBatches) await sdkAppend(backend.sdk, batch, backend.rest)
    })
    const attachBatches = eventBatches(rng, ids, 'att', batches, 1000)
    const sdkAttach = await timed(batches * 1000, timer, async () => {
      for (const batch of attachBatches) await sdkAppend(backend.sdk, batch)
    })
    return { customers: seeded.created, graphql, clustered, repeat, writePath, sdk, sdkAttach }
  } finally {
    await backend.close()
    removeDb(dbPath)
  }
}
