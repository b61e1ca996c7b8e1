import { beforeEach, describe, expect, it } from 'vitest'
import { edgeShapes, snapshotGraph } from './graph-snapshot.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

const APPEND = `mutation Append($events: [EventAppendInput!]!) {
  appendEvents(events: $events) { appended duplicates events { eventId type occurredAt customer { customerId } } }
}`

let t: TestGateway

beforeEach(async () => {
  t = createTestGateway()
  const { body } = await t.query(`mutation { importCustomers(customers: [{ customerId: "c-1" }, { customerId: "c-2" }]) { summary { created } } }`)
  expect(body.data.importCustomers.summary.created).toBe(2)
})

const batch = [
  { customerId: 'c-1', eventId: 'e-1', type: 'login', occurredAt: '2026-05-01T10:00:00Z' },
  { customerId: 'c-1', eventId: 'e-2', type: 'export', occurredAt: '2026-05-01T10:05:00Z', properties: { rows: 1200 } },
  { customerId: 'c-2', eventId: 'e-3', type: 'login', occurredAt: '2026-05-02T09:00:00Z' }
]

describe('appending events as they occur', () => {
  it('appends a batch keyed by customer id, linked to each customer by one key join', async () => {
    const { body } = await t.query(APPEND, { events: batch })
    expect(body.errors).toBeUndefined()
    expect(body.data.appendEvents).toEqual({
      appended: 3,
      duplicates: 0,
      events: [
        { eventId: 'e-1', type: 'login', occurredAt: '2026-05-01T10:00:00.000Z', customer: { customerId: 'c-1' } },
        { eventId: 'e-2', type: 'export', occurredAt: '2026-05-01T10:05:00.000Z', customer: { customerId: 'c-1' } },
        { eventId: 'e-3', type: 'login', occurredAt: '2026-05-02T09:00:00.000Z', customer: { customerId: 'c-2' } }
      ]
    })
    expect(await edgeShapes(t.backend.sdk)).toEqual({ 'CUSTOMER -[RUSHDB_DEFAULT_RELATION]-> EVENT': 3 })
    const e2 = await t.backend.sdk.records.findOne({ labels: ['EVENT'], where: { eventId: 'e-2' } })
    expect(e2.data).toMatchObject({ rows: 1200, __proptypes: { rows: 'number', occurredAt: 'datetime' } })
    // The event keeps its customerId: that is what the key join links it by.
    expect(e2.data).toMatchObject({ customerId: 'c-1', __proptypes: { customerId: 'string' } })
    // begin, customers by key, events by key, one createMany, one create-many for both customers,
    // commit (the payload's `customer` field is one more, batched, call).
    expect(body.extensions.rushdb.calls).toBe(7)
  })

  it('appends nothing when the same batch is sent twice', async () => {
    await t.query(APPEND, { events: batch })
    const before = await snapshotGraph(t.backend.sdk)
    const { body } = await t.query(APPEND, { events: [...batch, { customerId: 'c-2', eventId: 'e-4', type: 'logout' }] })
    expect(body.errors).toBeUndefined()
    expect(body.data.appendEvents).toMatchObject({ appended: 1, duplicates: 3 })
    const after = await snapshotGraph(t.backend.sdk)
    expect(after.records.length).toBe(before.records.length + 1)
    expect(after.relationships.length).toBe(before.relationships.length + 1)
    const again = await t.query(APPEND, { events: batch })
    expect(again.body.data.appendEvents).toMatchObject({ appended: 0, duplicates: 3 })
    expect((await snapshotGraph(t.backend.sdk)).records.length).toBe(after.records.length)
  })

  it('counts a repeat inside one batch once', async () => {
    const { body } = await t.query(APPEND, { events: [batch[0], batch[0]] })
    expect(body.data.appendEvents.appended).toBe(1)
    expect((await t.backend.sdk.records.find({ labels: ['EVENT'] })).data).toHaveLength(1)
  })

  it('rejects a batch naming a customer that does not exist, and writes none of it', async () => {
    const before = await snapshotGraph(t.backend.sdk)
    const { status, body } = await t.query(APPEND, { events: [...batch, { customerId: 'c-404', eventId: 'e-9' }] })
    expect(status).toBe(200)
    expect(body.data.appendEvents).toBeNull()
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND')
    expect(body.errors[0].message).toBe('events[3].customerId: no Customer has customerId "c-404"')
    expect(body.errors[0].path).toEqual(['appendEvents'])
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  })
})
