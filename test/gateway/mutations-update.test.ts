import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph, type FixtureIds } from './fixture-graph.js'
import { edgeShapes, snapshotGraph } from './graph-snapshot.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let t: TestGateway
let ids: FixtureIds

beforeAll(async () => {
  t = createTestGateway()
  ids = await loadFixtureGraph(t.backend.sdk)
})

describe('status changes', () => {
  it('updates a subscription by subscriptionId and returns the record with its relations', async () => {
    const { body } = await t.query(`mutation {
      updateSubscription(subscriptionId: "sub-1", patch: { status: "past_due", properties: { dunningStep: 2 } }) {
        id subscriptionId status plan mrr properties customer { customerId } account { accountId }
      }
    }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.updateSubscription).toMatchObject({
      id: ids['sub-1'], subscriptionId: 'sub-1', status: 'past_due', plan: 'pro', mrr: 99,
      customer: { customerId: 'cust-1' }, account: { accountId: 'acc-1' }
    })
    expect(body.data.updateSubscription.properties.dunningStep).toBe(2)
  })

  it('updates a ticket by id and an invoice by invoiceId; null clears a field', async () => {
    const ticket = await t.query(`mutation($id: ID) { updateTicket(id: $id, patch: { status: "closed", sentiment: null }) { ticketId status sentiment customer { customerId } } }`, { id: ids['t-2'] })
    expect(ticket.body.data.updateTicket).toEqual({ ticketId: 't-2', status: 'closed', sentiment: null, customer: { customerId: 'cust-2' } })
    const invoice = await t.query(`mutation { updateInvoice(invoiceId: "inv-2", patch: { status: "paid", paidAt: "2025-03-09T08:00:00Z" }) { status paidAt amount subscription { subscriptionId } } }`)
    expect(invoice.body.data.updateInvoice).toEqual({ status: 'paid', paidAt: '2025-03-09T08:00:00.000Z', amount: 99, subscription: { subscriptionId: 'sub-1' } })
    const stored = await t.backend.sdk.records.findOne({ labels: ['INVOICE'], where: { invoiceId: 'inv-2' } })
    expect(stored.data.__proptypes).toMatchObject({ paidAt: 'datetime', amount: 'number' })
  })

  it('answers NOT_FOUND for a record that does not exist, and BAD_USER_INPUT for a key it cannot change', async () => {
    const before = await snapshotGraph(t.backend.sdk)
    const missing = await t.query(`mutation { updateTicket(ticketId: "t-404", patch: { status: "closed" }) { id } }`)
    expect(missing.body.errors[0]).toMatchObject({ message: 'updateTicket.ticketId: no Ticket has ticketId "t-404"', extensions: { code: 'NOT_FOUND' } })
    const both = await t.query(`mutation { updateTicket(ticketId: "t-1", id: "${ids['t-1']}", patch: { status: "closed" }) { id } }`)
    expect(both.body.errors[0]).toMatchObject({ message: 'updateTicket: name the Ticket by exactly one of id, ticketId', extensions: { code: 'BAD_USER_INPUT' } })
    const key = await t.query(`mutation { updateTicket(ticketId: "t-1", patch: { properties: { ticketId: "t-9" } }) { id } }`)
    expect(key.body.errors[0]).toMatchObject({ message: 'patch.ticketId: ticketId identifies the record and cannot be changed', extensions: { code: 'BAD_USER_INPUT' } })
    const empty = await t.query(`mutation { updateTicket(ticketId: "t-1", patch: {}) { id } }`)
    expect(empty.body.errors[0].message).toBe('patch: give at least one field to change')
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  })
})

describe('relationships', () => {
  it('attaches between any two records with type and direction, idempotently, and detaches', async () => {
    const attach = `mutation($type: String, $dir: RelationDirection) {
      attach(from: { ticketId: "t-2" }, to: { orderId: "ord-1" }, type: $type, direction: $dir) {
        type direction from { ... on Ticket { ticketId } } to { ... on Order { orderId } }
      }
    }`
    const { body } = await t.query(attach, { type: 'ABOUT_ORDER', dir: 'OUT' })
    expect(body.errors).toBeUndefined()
    expect(body.data.attach).toEqual({ type: 'ABOUT_ORDER', direction: 'OUT', from: { ticketId: 't-2' }, to: { orderId: 'ord-1' } })
    await t.query(attach, { type: 'ABOUT_ORDER', dir: 'OUT' })
    expect((await edgeShapes(t.backend.sdk))['SUPPORT_TICKET -[ABOUT_ORDER]-> ORDER']).toBe(1)
    await t.query(attach, { type: 'ABOUT_ORDER', dir: 'IN' })
    const flipped = await edgeShapes(t.backend.sdk)
    expect(flipped['ORDER -[ABOUT_ORDER]-> SUPPORT_TICKET']).toBe(1)
    expect(flipped['SUPPORT_TICKET -[ABOUT_ORDER]-> ORDER']).toBeUndefined()

    const detach = await t.query(`mutation { detach(from: { ticketId: "t-2" }, to: { id: "${ids['ord-1']}" }, type: "ABOUT_ORDER") { type direction } }`)
    expect(detach.body.data.detach).toEqual({ type: 'ABOUT_ORDER', direction: null })
    expect((await edgeShapes(t.backend.sdk))['ORDER -[ABOUT_ORDER]-> SUPPORT_TICKET']).toBeUndefined()
  })

  it('makes a new typed link visible to the typed relation fields', async () => {
    const created = await t.query(`mutation { importSubscriptions(subscriptions: [{ subscriptionId: "sub-9", plan: "starter", customer: { customerId: "cust-4" } }]) {
      subscriptions { customer { customerId } account { accountId } } } }`)
    expect(created.body.data.importSubscriptions.subscriptions).toEqual([{ customer: { customerId: 'cust-4' }, account: null }])
    await t.query(`mutation { attach(from: { accountId: "acc-2" }, to: { subscriptionId: "sub-9" }, type: "HAS_SUBSCRIPTION") { type } }`)
    const { body } = await t.query(`{ subscription(subscriptionId: "sub-9") { account { accountId } } }`)
    expect(body.data.subscription.account).toEqual({ accountId: 'acc-2' })
    await t.query(`mutation { detach(from: { accountId: "acc-2" }, to: { subscriptionId: "sub-9" }, type: "HAS_SUBSCRIPTION", direction: OUT) { type } }`)
    expect((await t.query(`{ subscription(subscriptionId: "sub-9") { account { accountId } } }`)).body.data.subscription.account).toBeNull()
  })

  it('rejects an unknown record, a bad type and an ambiguous reference without writing', async () => {
    const before = await snapshotGraph(t.backend.sdk)
    const missing = await t.query(`mutation { attach(from: { customerId: "cust-1" }, to: { orderId: "ord-404" }, type: "X") { type } }`)
    expect(missing.body.errors[0]).toMatchObject({ message: 'to.orderId: no Order has orderId "ord-404"', extensions: { code: 'NOT_FOUND' } })
    const type = await t.query(`mutation { attach(from: { customerId: "cust-1" }, to: { orderId: "ord-1" }, type: "BAD TYPE}") { type } }`)
    expect(type.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(type.body.errors[0].message).toContain('type: must be a relationship type name')
    const two = await t.query(`mutation { attach(from: { customerId: "cust-1", orderId: "ord-1" }, to: { orderId: "ord-1" }) { type } }`)
    expect(two.body.errors[0].message).toContain('from: name the record by exactly one of id or a natural key')
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  })
})
