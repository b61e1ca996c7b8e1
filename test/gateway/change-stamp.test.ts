import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createTestGateway, type TestGateway } from './test-gateway.js'

const IMPORT = `mutation($c: [CustomerInput!]!) { importCustomers(customers: $c) { summary { created updated unchanged recordsUpdated } } }`
const PAYLOAD = {
  customerId: 'c-1',
  plan: 'pro',
  subscriptions: [{ subscriptionId: 's-1', status: 'active', invoices: [{ invoiceId: 'i-1', month: '2026-02', status: 'open' }] }, { subscriptionId: 's-2', status: 'active' }],
  tickets: [{ ticketId: 't-1', status: 'open' }],
  orders: [{ orderId: 'o-1', totalUsd: 10 }]
}
const STAMPS = `{
  customer(customerId: "c-1") { updatedAt }
  subscriptions(orderBy: [{ subscriptionId: ASC }]) { subscriptionId updatedAt }
  tickets { ticketId updatedAt }
}`

let t: TestGateway
const at = (iso: string) => vi.setSystemTime(new Date(iso))

beforeEach(() => {
  // Only Date is faked: each write gets a known time, everything else runs for real.
  vi.useFakeTimers({ toFake: ['Date'] })
  t = createTestGateway()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the change stamp (updatedAt) for incremental pulls', () => {
  it('is set on every record a write creates or changes, and kept when the same data arrives again', async () => {
    at('2026-03-01T10:00:00Z')
    expect((await t.query(IMPORT, { c: [PAYLOAD] })).body.data.importCustomers.summary.created).toBe(1)
    const first = await t.query(STAMPS)
    expect(first.body.data).toEqual({
      customer: { updatedAt: '2026-03-01T10:00:00.000Z' },
      subscriptions: [
        { subscriptionId: 's-1', updatedAt: '2026-03-01T10:00:00.000Z' },
        { subscriptionId: 's-2', updatedAt: '2026-03-01T10:00:00.000Z' }
      ],
      tickets: [{ ticketId: 't-1', updatedAt: '2026-03-01T10:00:00.000Z' }]
    })
    // Orders are stamped too; events (append-only) declare no updatedAt and get none.
    expect((await t.query(`{ orders { orderId updatedAt } }`)).body.data.orders).toEqual([{ orderId: 'o-1', updatedAt: '2026-03-01T10:00:00.000Z' }])
    await t.query(`mutation { appendEvents(events: [{ customerId: "c-1", eventId: "e-1", type: "login", occurredAt: "2026-03-01T09:00:00Z" }]) { appended } }`)
    const event = await t.backend.sdk.records.findOne({ labels: ['EVENT'], where: { eventId: 'e-1' } })
    expect(event.data.updatedAt).toBeUndefined()

    at('2026-03-02T10:00:00Z')
    const again = await t.query(IMPORT, { c: [PAYLOAD] })
    expect(again.body.data.importCustomers.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1 })
    expect((await t.query(STAMPS)).body.data).toEqual(first.body.data)

    at('2026-03-03T10:00:00Z')
    const changed = { ...PAYLOAD, subscriptions: [{ subscriptionId: 's-1', status: 'cancelled' }, PAYLOAD.subscriptions[1]] }
    expect((await t.query(IMPORT, { c: [changed] })).body.data.importCustomers.summary).toMatchObject({ updated: 1, recordsUpdated: 1 })
    const after = (await t.query(STAMPS)).body.data
    expect(after.customer.updatedAt).toBe('2026-03-01T10:00:00.000Z')
    expect(after.subscriptions).toEqual([
      { subscriptionId: 's-1', updatedAt: '2026-03-03T10:00:00.000Z' },
      { subscriptionId: 's-2', updatedAt: '2026-03-01T10:00:00.000Z' }
    ])
  })

  it('stamps status changes, not no-op patches, and lets a BI tool pull only what changed since its last run', async () => {
    at('2026-03-01T10:00:00Z')
    await t.query(IMPORT, { c: [PAYLOAD] })
    const lastPull = '2026-03-01T12:00:00Z'

    at('2026-03-02T09:00:00Z')
    const same = await t.query(`mutation { updateTicket(ticketId: "t-1", patch: { status: "open" }) { updatedAt } }`)
    expect(same.body.data.updateTicket.updatedAt).toBe('2026-03-01T10:00:00.000Z')
    const closed = await t.query(`mutation { updateSubscription(subscriptionId: "s-2", patch: { status: "past_due" }) { updatedAt } }`)
    expect(closed.body.data.updateSubscription.updatedAt).toBe('2026-03-02T09:00:00.000Z')

    const paid = await t.query(`mutation { updateInvoice(invoiceId: "i-1", patch: { status: "paid" }) { updatedAt } }`)
    expect(paid.body.data.updateInvoice.updatedAt).toBe('2026-03-02T09:00:00.000Z')

    const pull = await t.query(`query($since: DateTime!) {
      subscriptions(where: { updatedAt: { gte: $since } }, orderBy: [{ updatedAt: ASC }]) { subscriptionId status }
      tickets(where: { updatedAt: { gte: $since } }) { ticketId }
      invoices(where: { updatedAt: { gte: $since } }) { invoiceId status }
      orders(where: { updatedAt: { gte: $since } }) { orderId }
    }`, { since: lastPull })
    expect(pull.body.data).toEqual({
      subscriptions: [{ subscriptionId: 's-2', status: 'past_due' }],
      tickets: [],
      invoices: [{ invoiceId: 'i-1', status: 'paid' }],
      orders: []
    })
  })

  it('keeps the source system\'s own updatedAt when the payload carries one', async () => {
    at('2026-03-05T10:00:00Z')
    await t.query(IMPORT, { c: [{ customerId: 'c-9', updatedAt: '2025-12-24T08:00:00Z' }] })
    const { body } = await t.query(`{ customer(customerId: "c-9") { updatedAt } }`)
    expect(body.data.customer.updatedAt).toBe('2025-12-24T08:00:00.000Z')
    const patched = await t.query(`mutation { updateCustomer(customerId: "c-9", patch: { plan: "team", updatedAt: "2026-01-02T00:00:00Z" }) { updatedAt } }`)
    expect(patched.body.data.updateCustomer.updatedAt).toBe('2026-01-02T00:00:00.000Z')
  })
})
