import { beforeAll, describe, expect, it } from 'vitest'
import type { SupportTicketData } from '../../src/demo/demo-types.js'
import { demoGateways, type DemoModel } from './demo-graph-model.js'
import { engineExtensionsIn, searchRecorder } from './plain-rushdb.js'
import type { TestGateway } from './test-gateway.js'

let t: TestGateway
let remote: TestGateway
let model: DemoModel
const recorder = searchRecorder()

beforeAll(async () => {
  ;({ t, remote, model } = await demoGateways(200, recorder))
}, 60_000)

const QUERY = `query($ticketId: String, $ticketRecordId: ID, $accountId: String, $accountRecordId: ID, $recent: Int) {
  accountContext(ticketId: $ticketId, ticketRecordId: $ticketRecordId, accountId: $accountId, accountRecordId: $accountRecordId, recent: $recent) {
    ticket { id ticketId }
    customer { customerId }
    account { id accountId }
    activeSubscription { subscriptionId status }
    overdueInvoiceCount
    recentTickets { ticketId createdAt }
    recentTouchpoints { touchpointId occurredAt }
  }
}`

const at = (s: string) => Date.parse(s)

/** The context of an account computed from the generator's raw data. */
function expectedForAccount(m: DemoModel, accountId: string, recent = 5) {
  const customers = m.customersOf.get(accountId) ?? []
  const subs = customers.flatMap((c) => c.SUBSCRIPTION)
  const active = subs.filter((s) => s.status === 'active').sort((a, b) => at(b.startedAt) - at(a.startedAt))[0]
  const tickets: SupportTicketData[] = customers.flatMap((c) => m.ticketsOf.get(c.customerId) ?? [])
  return {
    accountId,
    activeSubscription: active ? { subscriptionId: active.subscriptionId, status: 'active' } : null,
    overdueInvoiceCount: subs.flatMap((s) => m.invoicesOf.get(s.subscriptionId) ?? []).filter((i) => i.status === 'overdue').length,
    recentTickets: tickets.sort((a, b) => at(b.createdAt) - at(a.createdAt)).slice(0, recent).map((x) => x.ticketId),
    recentTouchpoints: [...(m.touchpointsOf.get(accountId) ?? [])].sort((a, b) => at(b.occurredAt) - at(a.occurredAt)).slice(0, recent).map((x) => x.touchpointId)
  }
}

/** The account with the most tickets among those with an overdue invoice and touchpoints. */
function busyAccount(m: DemoModel): string {
  const ids = [...m.customersOf.keys()]
  const score = (id: string) => expectedForAccount(m, id, 100)
  const candidates = ids.filter((id) => score(id).overdueInvoiceCount > 0 && score(id).recentTouchpoints.length > 0)
  return candidates.sort((a, b) => score(b).recentTickets.length - score(a).recentTickets.length)[0]
}

const shape = (c: any) => ({
  accountId: c.account?.accountId,
  activeSubscription: c.activeSubscription,
  overdueInvoiceCount: c.overdueInvoiceCount,
  recentTickets: c.recentTickets.map((x: any) => x.ticketId),
  recentTouchpoints: c.recentTouchpoints.map((x: any) => x.touchpointId)
})

describe('accountContext on a generated graph', () => {
  it('from a ticket: its customer, the account, active subscription, overdue count, recent tickets and touchpoints in ONE call', async () => {
    const accountId = busyAccount(model)
    const expected = expectedForAccount(model, accountId)
    expect(expected.recentTickets.length).toBe(5)
    const customer = model.customersOf.get(accountId)!.find((c) => (model.ticketsOf.get(c.customerId) ?? []).length > 0)!
    const ticketId = model.ticketsOf.get(customer.customerId)![0].ticketId
    const { body } = await t.query(QUERY, { ticketId })
    expect(body.errors).toBeUndefined()
    const c = body.data.accountContext
    expect(c.ticket.ticketId).toBe(ticketId)
    expect(c.customer.customerId).toBe(customer.customerId)
    expect(shape(c)).toEqual(expected)
    expect(body.extensions.rushdb.calls).toBe(1)
    // Starting from the account (by either key) gives the same context.
    for (const vars of [{ accountId }, { accountRecordId: c.account.id }]) {
      const byAccount = await t.query(QUERY, vars)
      expect(byAccount.body.errors).toBeUndefined()
      expect(shape(byAccount.body.data.accountContext)).toEqual(expected)
      expect(byAccount.body.data.accountContext.ticket).toBeNull()
      expect(byAccount.body.extensions.rushdb.calls).toBe(1)
    }
    const byRecordId = await t.query(QUERY, { ticketRecordId: c.ticket.id, recent: 2 })
    expect(shape(byRecordId.body.data.accountContext)).toEqual(expectedForAccount(model, accountId, 2))
  })

  it('matches the raw data for the first 15 accounts, and a helpdesk ticket (CREATED edge) finds its account too', async () => {
    for (const accountId of [...model.customersOf.keys()].slice(0, 15)) {
      const { body } = await t.query(QUERY, { accountId })
      expect(shape(body.data.accountContext)).toEqual(expectedForAccount(model, accountId))
    }
    const helpdesk = model.customers.find((c) => (model.ticketsOf.get(c.customerId) ?? []).length > c.SUPPORT_TICKET.length)!
    const ticket = model.ticketsOf.get(helpdesk.customerId)!.find((x) => !helpdesk.SUPPORT_TICKET.includes(x))!
    const { body } = await t.query(QUERY, { ticketId: ticket.ticketId })
    expect(body.data.accountContext.customer.customerId).toBe(helpdesk.customerId)
    expect(shape(body.data.accountContext)).toEqual(expectedForAccount(model, model.accountOf.get(helpdesk.customerId)!.accountId))
  })

  it('gives the same answer with only plain RushDB forms: 7 calls from a ticket, 5 from an account', async () => {
    const accountId = busyAccount(model)
    const ticketId = model.ticketsOf.get(model.customersOf.get(accountId)!.find((c) => (model.ticketsOf.get(c.customerId) ?? []).length > 0)!.customerId)![0].ticketId
    for (const [vars, calls] of [[{ ticketId }, 7], [{ accountId }, 5]] as const) {
      const embedded = await t.query(QUERY, vars)
      recorder.bodies.length = 0
      const plain = await remote.query(QUERY, vars)
      expect(plain.body.errors).toBeUndefined()
      expect(plain.body.data).toEqual(embedded.body.data)
      expect(plain.body.extensions.rushdb.calls).toBe(calls)
      for (const { body } of recorder.bodies) expect(engineExtensionsIn(body)).toEqual([])
    }
  })

  it('answers an unknown ticket or account with NOT_FOUND, and bad arguments with BAD_USER_INPUT', async () => {
    const unknown = await t.query(QUERY, { ticketId: 'tkt-nope' })
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND')
    expect(unknown.body.errors[0].message).toBe('no ticket with ticketId "tkt-nope"; check the id, or look the record up with tickets(where: …)')
    const remoteUnknown = await remote.query(QUERY, { accountId: 'acc-nope' })
    expect(remoteUnknown.body.errors[0].extensions.code).toBe('NOT_FOUND')
    for (const [vars, message] of [
      [{}, 'accountContext needs exactly one of ticketId, ticketRecordId, accountId, accountRecordId; got none'],
      [{ ticketId: 'a', accountId: 'b' }, 'accountContext needs exactly one of ticketId, ticketRecordId, accountId, accountRecordId; got ticketId and accountId'],
      [{ accountId: 'acc-000001', recent: 21 }, 'recent must be between 1 and 20, got 21'],
      [{ accountId: 'acc-000001', recent: 0 }, 'recent must be between 1 and 20, got 0']
    ] as const) {
      const { body } = await t.query(QUERY, vars)
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
      expect(body.errors[0].message).toBe(message)
      expect(body.extensions.rushdb.calls).toBe(0)
    }
  })
})
