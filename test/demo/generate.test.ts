import { describe, expect, it } from 'vitest'
import type { CustomerPayload, DemoBatch, DemoLink, SupportTicketData } from '../../src/demo/demo-types.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'

function collect(customers: number, seed?: number, batchSize = 100): DemoBatch[] {
  return [...generateCustomerGraph({ customers, seed }).customerBatches(batchSize)]
}

function flatten(batches: DemoBatch[]) {
  return {
    accounts: batches.flatMap((b) => b.accounts),
    touchpoints: batches.flatMap((b) => b.touchpoints),
    customers: batches.flatMap((b) => b.customers),
    helpdeskTickets: batches.flatMap((b) => b.helpdeskTickets),
    invoices: batches.flatMap((b) => b.invoices),
    links: batches.flatMap((b) => b.links),
    planted: batches.flatMap((b) => b.plantedChurnCustomerIds)
  }
}

/** The churn question answered straight from the generated data, without asking the generator. */
function churnFromRawData(customers: CustomerPayload[], helpdesk: SupportTicketData[], links: DemoLink[]): string[] {
  const ticketsById = new Map(helpdesk.map((t) => [t.ticketId, t]))
  const helpdeskByCustomer = new Map<string, SupportTicketData[]>()
  for (const l of links.filter((x) => x.type === 'CREATED')) {
    helpdeskByCustomer.set(l.from, [...(helpdeskByCustomer.get(l.from) ?? []), ticketsById.get(l.to)!])
  }
  return customers
    .filter((c) => c.plan === 'pro')
    .filter((c) => c.SUBSCRIPTION.some((s) => s.status === 'active'))
    .filter((c) => [...c.SUPPORT_TICKET, ...(helpdeskByCustomer.get(c.customerId) ?? [])]
      .some((t) => t.status === 'open' && t.sentiment === 'negative'))
    .map((c) => c.customerId)
    .sort()
}

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

describe('generateCustomerGraph', () => {
  it('is deterministic: the same seed gives byte-identical output, another seed differs', () => {
    const a = JSON.stringify(collect(300, 7))
    const b = JSON.stringify(collect(300, 7))
    const c = JSON.stringify(collect(300, 8))
    expect(a).toBe(b)
    expect(c).not.toBe(a)
    expect(JSON.stringify(collect(50))).toBe(JSON.stringify(collect(50, 42)))
  })

  it('does not depend on the batch size', () => {
    const small = flatten(collect(250, 3, 7))
    const large = flatten(collect(250, 3, 1000))
    expect(JSON.stringify(small)).toBe(JSON.stringify(large))
    const batches = collect(250, 3, 7)
    expect(batches).toHaveLength(Math.ceil(250 / 7))
    expect(batches.every((b, i) => b.customers.length === (i < batches.length - 1 ? 7 : 250 % 7))).toBe(true)
  })

  it('scales with the options: exact customers, about one account per four customers', () => {
    for (const n of [200, 2000]) {
      const g = flatten(collect(n))
      expect(g.customers).toHaveLength(n)
      expect(new Set(g.customers.map((c) => c.customerId)).size).toBe(n)
      expect(g.customers[0].customerId).toBe('cust-000001')
      expect(g.customers[n - 1].customerId).toBe(`cust-${String(n).padStart(6, '0')}`)
      expect(g.accounts.length).toBeGreaterThan(n / 4 * 0.8)
      expect(g.accounts.length).toBeLessThan(n / 4 * 1.2)
      expect(g.accounts[0].accountId).toBe('acc-000001')
    }
    const fewer = flatten([...generateCustomerGraph({ customers: 400, accountsPerCustomer: 0.5 }).customerBatches(400)])
    expect(fewer.accounts.length).toBeGreaterThan(400 / 2 * 0.8)
    expect(fewer.accounts.length).toBeLessThan(400 / 2 * 1.2)
    expect(collect(0)).toEqual([])
  })

  it('keeps child counts inside the specified ranges and datetimes in ISO form with Z', () => {
    const g = flatten(collect(500))
    for (const c of g.customers) {
      expect(c.SUBSCRIPTION.length).toBeGreaterThanOrEqual(1)
      expect(c.SUBSCRIPTION.length).toBeLessThanOrEqual(2)
      expect(c.ORDER.length).toBeLessThanOrEqual(4)
      expect(c.EVENT.length).toBeLessThanOrEqual(6)
      expect(c.FEATURE_USAGE.length).toBeLessThanOrEqual(3)
      expect(c.createdAt).toMatch(ISO_Z)
      expect(c.lastActiveAt).toMatch(ISO_Z)
      expect(Date.parse(c.createdAt)).toBeLessThanOrEqual(Date.parse('2026-06-01T00:00:00Z'))
    }
    const ticketsPerCustomer = new Map<string, number>()
    for (const l of g.links.filter((x) => x.type === 'CREATED')) ticketsPerCustomer.set(l.from, (ticketsPerCustomer.get(l.from) ?? 0) + 1)
    expect(g.customers.every((c) => c.SUPPORT_TICKET.length + (ticketsPerCustomer.get(c.customerId) ?? 0) <= 3)).toBe(true)
    expect(g.invoices.every((i) => /^\d{4}-\d{2}$/.test(i.month) && (i.paidAt === null || ISO_Z.test(i.paidAt)))).toBe(true)
    expect(g.invoices.every((i) => (i.status === 'paid') === (i.paidAt !== null))).toBe(true)
  })

  it('gives every typed relationship existing endpoints of the right labels', () => {
    const g = flatten(collect(600))
    const labelOf = new Map<string, string>()
    for (const a of g.accounts) labelOf.set(a.accountId, 'ACCOUNT')
    for (const t of g.touchpoints) labelOf.set(t.touchpointId, 'TOUCHPOINT')
    for (const i of g.invoices) labelOf.set(i.invoiceId, 'INVOICE')
    for (const t of g.helpdeskTickets) labelOf.set(t.ticketId, 'SUPPORT_TICKET')
    for (const c of g.customers) {
      labelOf.set(c.customerId, 'CUSTOMER')
      for (const s of c.SUBSCRIPTION) labelOf.set(s.subscriptionId, 'SUBSCRIPTION')
    }
    const expected: Record<DemoLink['type'], [string, string]> = {
      BELONGS_TO: ['CUSTOMER', 'ACCOUNT'],
      HAS_SUBSCRIPTION: ['ACCOUNT', 'SUBSCRIPTION'],
      HAS_INVOICE: ['SUBSCRIPTION', 'INVOICE'],
      HAS_TOUCHPOINT: ['ACCOUNT', 'TOUCHPOINT'],
      CREATED: ['CUSTOMER', 'SUPPORT_TICKET']
    }
    for (const l of g.links) expect([labelOf.get(l.from), labelOf.get(l.to)]).toEqual(expected[l.type])
    const counts = (type: DemoLink['type']) => g.links.filter((l) => l.type === type).length
    expect(counts('BELONGS_TO')).toBe(600)
    expect(counts('HAS_SUBSCRIPTION')).toBe(g.customers.reduce((n, c) => n + c.SUBSCRIPTION.length, 0))
    expect(counts('HAS_INVOICE')).toBe(g.invoices.length)
    expect(counts('HAS_TOUCHPOINT')).toBe(g.touchpoints.length)
    expect(counts('CREATED')).toBe(g.helpdeskTickets.length)
    // An account is always emitted in the batch of its first customer or earlier.
    const seen = new Set<string>()
    for (const b of collect(600, 42, 13)) {
      for (const a of b.accounts) seen.add(a.accountId)
      for (const l of b.links.filter((x) => x.type === 'BELONGS_TO')) expect(seen.has(l.to)).toBe(true)
    }
  })

  it('plants exactly the churn set the seeds query finds, a few percent of customers', () => {
    const g = flatten(collect(2000))
    const churn = churnFromRawData(g.customers, g.helpdeskTickets, g.links)
    expect(churn).toEqual([...g.planted].sort())
    expect(churn.length).toBeGreaterThan(2000 * 0.02)
    expect(churn.length).toBeLessThan(2000 * 0.06)
  })

  it('plants the other signals: ~30% pro, overdue invoices, 60+ day inactivity, downgrades, helpdesk tickets', () => {
    const g = flatten(collect(2000))
    const pro = g.customers.filter((c) => c.plan === 'pro').length
    expect(pro / 2000).toBeGreaterThan(0.25)
    expect(pro / 2000).toBeLessThan(0.35)
    const cutoff = Date.parse('2026-06-01T00:00:00Z') - 60 * 86_400_000
    const inactive = g.customers.filter((c) => Date.parse(c.lastActiveAt) < cutoff).length
    expect(inactive).toBeGreaterThan(2000 * 0.05)
    expect(g.invoices.filter((i) => i.status === 'overdue').length).toBeGreaterThan(20)
    expect(g.customers.filter((c) => c.SUBSCRIPTION.some((s) => s.previousPlan !== undefined)).length).toBeGreaterThan(50)
    const ticketCount = g.customers.reduce((n, c) => n + c.SUPPORT_TICKET.length, 0) + g.helpdeskTickets.length
    expect(g.helpdeskTickets.length / ticketCount).toBeGreaterThan(0.15)
    expect(g.helpdeskTickets.length / ticketCount).toBeLessThan(0.25)
    // Decoys exist: open negative tickets outside the churn set (other plans, inactive subscriptions).
    const decoys = g.customers.filter((c) => !g.planted.includes(c.customerId) && c.SUPPORT_TICKET.some((t) => t.status === 'open' && t.sentiment === 'negative'))
    expect(decoys.length).toBeGreaterThan(10)
  })

  it('rejects bad options with a message naming the option', () => {
    expect(() => generateCustomerGraph({ customers: -1 })).toThrow(/customers/)
    expect(() => generateCustomerGraph({ customers: 10, now: 'yesterday' })).toThrow(/now/)
    expect(() => generateCustomerGraph({ customers: 10, accountsPerCustomer: 2 })).toThrow(/accountsPerCustomer/)
    expect(() => generateCustomerGraph({ customers: 10 }).customerBatches(0).next()).toThrow(/batchSize/)
  })
})
