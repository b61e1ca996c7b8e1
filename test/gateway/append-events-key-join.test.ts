import { describe, expect, it } from 'vitest'
import type { SdkHttpClient, SdkHttpResponse } from '../../src/rushdb/sdk-transport.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

const APPEND = `mutation Append($events: [EventAppendInput!]!) { appendEvents(events: $events) { appended duplicates } }`
const CUSTOMERS = 25
const EVENTS = 120

/** Customers c-1 … c-25. */
async function seedCustomers(t: TestGateway): Promise<void> {
  const customers = Array.from({ length: CUSTOMERS }, (_, i) => ({ customerId: `c-${i + 1}`, name: `Customer ${i + 1}` }))
  const { body } = await t.query(`mutation Seed($c: [CustomerInput!]!) { importCustomers(customers: $c) { summary { created } } }`, { c: customers })
  expect(body.errors).toBeUndefined()
}

/** 120 events spread unevenly over the 25 customers (some get many, some none). */
function batch(prefix: string): Array<Record<string, unknown>> {
  return Array.from({ length: EVENTS }, (_, i) => ({
    customerId: `c-${((i * i) % CUSTOMERS) + 1}`,
    eventId: `${prefix}-${i}`,
    type: i % 3 === 0 ? 'login' : 'page_view',
    occurredAt: new Date(Date.UTC(2026, 4, 1, 0, i)).toISOString()
  }))
}

/** Every edge between a customer and an event, by their keys: `c-3 -[TYPE]-> e-7`, sorted. */
async function eventEdges(t: TestGateway): Promise<string[]> {
  const keyOf = new Map<string, string>()
  for (const label of ['CUSTOMER', 'EVENT']) {
    const page = await t.backend.sdk.records.find({ labels: [label], limit: 1000 })
    for (const r of page.data) keyOf.set(r.data.__id as string, (label === 'EVENT' ? r.data.eventId : r.data.customerId) as string)
  }
  const out: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await t.backend.sdk.relationships.find({ limit: 1000, skip })
    for (const r of page.data) out.push(`${r.sourceLabel}:${keyOf.get(r.sourceId)} -[${r.type}]-> ${r.targetLabel}:${keyOf.get(r.targetId)}`)
    if (page.data.length < 1000) break
  }
  return out.sort()
}

/** A transport that answers create-many as a RushDB server without the route does, counting those calls. */
function withoutCreateMany(answer: { status: number; body: unknown }) {
  const seen: string[] = []
  const wrap = (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest(url, config) {
      if (!url.endsWith('/relationships/create-many')) return inner.makeRequest(url, config)
      seen.push(url)
      const response: SdkHttpResponse = { getStatusCode: () => answer.status, getHeaders: () => ({}), getRawResponse: () => null, toStream: () => null, toJSON: async () => answer.body }
      return Promise.resolve(response)
    }
  })
  return { seen, wrap }
}

const NEST_404 = { status: 404, body: { message: 'Cannot POST /api/v1/relationships/create-many', error: 'Not Found', statusCode: 404 } }

describe('appendEvents links events to customers with one key join per batch', () => {
  it('makes a fixed number of RushDB calls whatever the number of customers, with the same edges as attaching per customer', async () => {
    const joined = createTestGateway()
    const attached = createTestGateway({}, { wrapTransport: withoutCreateMany(NEST_404).wrap })
    for (const t of [joined, attached]) await seedCustomers(t)

    const first = await joined.query(APPEND, { events: batch('e') })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data.appendEvents).toEqual({ appended: EVENTS, duplicates: 0 })
    // begin, customers by key, events by key, one createMany, one create-many, commit.
    expect(first.body.extensions.rushdb.calls).toBe(6)

    const fallback = await attached.query(APPEND, { events: batch('e') })
    expect(fallback.body.errors).toBeUndefined()
    expect(fallback.body.data.appendEvents).toEqual({ appended: EVENTS, duplicates: 0 })
    const customersUsed = new Set(batch('e').map((e) => e.customerId)).size
    // The refused create-many, then one attach per customer as before.
    expect(fallback.body.extensions.rushdb.calls).toBe(6 + customersUsed)
    const recorded = await eventEdges(joined)
    expect(recorded).toHaveLength(EVENTS)
    expect(recorded.every((e) => /^CUSTOMER:c-\d+ -\[RUSHDB_DEFAULT_RELATION\]-> EVENT:e-\d+$/.test(e))).toBe(true)
    expect(await eventEdges(attached)).toEqual(recorded)

    // A repeat adds nothing on either path; a second batch costs the same few calls.
    for (const t of [joined, attached]) expect((await t.query(APPEND, { events: batch('e') })).body.data.appendEvents).toEqual({ appended: 0, duplicates: EVENTS })
    expect(await eventEdges(joined)).toEqual(recorded)
    expect(await eventEdges(attached)).toEqual(recorded)
    const second = await joined.query(APPEND, { events: batch('f') })
    expect(second.body.extensions.rushdb.calls).toBe(6)
    const third = await attached.query(APPEND, { events: batch('f') })
    expect(third.body.extensions.rushdb.calls).toBe(5 + customersUsed)
    expect(await eventEdges(attached)).toEqual(await eventEdges(joined))
  })

  it('sends RushDB the documented create-many body, both sides narrowed by $id, inside the write transaction', async () => {
    const sent: Array<{ body: any; headers: Record<string, unknown> }> = []
    const t = createTestGateway({}, {
      wrapTransport: (inner) => ({
        makeRequest(url, config) {
          if (url.endsWith('/relationships/create-many')) sent.push({ body: config.requestData, headers: { ...config.headers } })
          return inner.makeRequest(url, config)
        }
      })
    })
    await seedCustomers(t)
    const events = batch('e').slice(0, 6)
    expect((await t.query(APPEND, { events })).body.data.appendEvents.appended).toBe(6)
    expect(sent).toHaveLength(1)
    const [{ body, headers }] = sent
    const customers = await t.backend.sdk.records.find({ labels: ['CUSTOMER'], where: { customerId: { $in: events.map((e) => e.customerId as string) } } })
    const stored = await t.backend.sdk.records.find({ labels: ['EVENT'] })
    expect(body).toEqual({
      source: { label: 'CUSTOMER', key: 'customerId', where: { $id: { $in: expect.arrayContaining(customers.data.map((r) => r.data.__id)) } } },
      target: { label: 'EVENT', key: 'customerId', where: { $id: { $in: expect.arrayContaining(stored.data.map((r) => r.data.__id)) } } },
      type: '__RUSHDB__RELATION__DEFAULT__',
      direction: 'out'
    })
    expect(body.source.where.$id.$in).toHaveLength(customers.data.length)
    expect(body.target.where.$id.$in).toHaveLength(6)
    expect(headers['x-transaction-id']).toEqual(expect.any(String))
  })

  it('falls back to attaching per customer when a RushDB 1.x server takes create-many for a record id, and asks only once', async () => {
    const old = withoutCreateMany({ status: 403, body: { message: 'Forbidden resource', error: 'Forbidden', statusCode: 403 } })
    const t = createTestGateway({}, { wrapTransport: old.wrap })
    await seedCustomers(t)
    for (const prefix of ['e', 'f']) {
      const { body } = await t.query(APPEND, { events: batch(prefix) })
      expect(body.data.appendEvents).toEqual({ appended: EVENTS, duplicates: 0 })
    }
    expect(old.seen).toHaveLength(1)
    expect(await eventEdges(t)).toHaveLength(2 * EVENTS)
  })

  it('fails the whole batch, writing nothing, when storage rejects the key join for another reason', async () => {
    const broken = withoutCreateMany({ status: 500, body: { message: 'Internal server error', statusCode: 500 } })
    const t = createTestGateway({}, { wrapTransport: broken.wrap })
    await seedCustomers(t)
    const { body } = await t.query(APPEND, { events: batch('e') })
    expect(body.data.appendEvents).toBeNull()
    expect(body.errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE')
    expect((await t.backend.sdk.records.find({ labels: ['EVENT'] })).total).toBe(0)
    expect(await eventEdges(t)).toEqual([])
  })
})
