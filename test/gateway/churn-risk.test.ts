import { beforeAll, describe, expect, it } from 'vitest'
import { demoModel, demoGateways, type DemoModel } from './demo-graph-model.js'
import { engineExtensionsIn, searchRecorder } from './plain-rushdb.js'
import type { TestGateway } from './test-gateway.js'

const CUSTOMERS = 300
const DAY = 86_400_000
let t: TestGateway
let remote: TestGateway
let model: DemoModel
const recorder = searchRecorder()

beforeAll(async () => {
  ;({ t, remote, model } = await demoGateways(CUSTOMERS, recorder))
}, 60_000)

const LADDER = ['free', 'starter', 'pro', 'enterprise']
const CURRENT = ['active', 'past_due', 'trialing']

/** The churn answer computed from the generator's raw data with plain JS. */
function expectedRisks(m: DemoModel, now: string, days: number) {
  const since = Date.parse(now) - days * DAY
  const at = (s: string) => Date.parse(s)
  const out: Array<{ customerId: string; kinds: string[]; evidence: string[][] }> = []
  for (const c of [...m.customers].sort((a, b) => a.customerId.localeCompare(b.customerId))) {
    if (!c.SUBSCRIPTION.some((s) => CURRENT.includes(s.status))) continue
    const kinds: string[] = []
    const evidence: string[][] = []
    const openNeg = (m.ticketsOf.get(c.customerId) ?? []).filter((x) => x.status === 'open' && x.sentiment === 'negative')
    const paid = c.SUBSCRIPTION.filter((s) => s.status === 'active' && s.plan !== 'free' && s.mrr !== 0)
    if (openNeg.length > 0 && paid.length > 0) {
      kinds.push('OPEN_NEGATIVE_TICKET')
      evidence.push([...openNeg.map((x) => x.ticketId), ...paid.map((s) => s.subscriptionId)].sort())
    }
    const overdue = c.SUBSCRIPTION.flatMap((s) => m.invoicesOf.get(s.subscriptionId) ?? []).filter((i) => i.status === 'overdue')
    if (overdue.length > 0) {
      kinds.push('OVERDUE_INVOICES')
      evidence.push(overdue.map((i) => i.invoiceId).sort())
    }
    if (at(c.createdAt) < since && !c.EVENT.some((e) => at(e.occurredAt) >= since) && !c.FEATURE_USAGE.some((u) => at(u.lastUsedAt) >= since)) {
      kinds.push('INACTIVE')
      const lastEvent = [...c.EVENT].sort((a, b) => at(b.occurredAt) - at(a.occurredAt))[0]
      const lastUse = [...c.FEATURE_USAGE].sort((a, b) => at(b.lastUsedAt) - at(a.lastUsedAt))[0]
      evidence.push([lastEvent?.eventId, lastUse && `${lastUse.feature}@${new Date(lastUse.lastUsedAt).toISOString()}`].filter((x): x is string => !!x).sort())
    }
    const down = c.SUBSCRIPTION.filter((s) => CURRENT.includes(s.status) && s.previousPlan && LADDER.indexOf(s.previousPlan) > LADDER.indexOf(s.plan))
    if (down.length > 0) {
      kinds.push('DOWNGRADE')
      evidence.push(down.map((s) => s.subscriptionId).sort())
    }
    if (kinds.length > 0) out.push({ customerId: c.customerId, kinds, evidence })
  }
  return out
}

const QUERY = `query($days: Int, $now: DateTime, $limit: Int, $offset: Int, $signals: [ChurnSignalKind!]) {
  churnRisk(inactiveDays: $days, now: $now, limit: $limit, offset: $offset, signals: $signals) {
    totalCount hasMore inactiveSince
    items {
      reason
      customer { customerId }
      signals {
        kind reason
        evidence {
          __typename
          ... on Ticket { ticketId status sentiment }
          ... on Subscription { subscriptionId plan previousPlan status }
          ... on Invoice { invoiceId status }
          ... on Event { eventId }
          ... on FeatureUsage { feature lastUsedAt }
        }
      }
    }
  }
}`

const evidenceKey = (e: any) => e.ticketId ?? e.subscriptionId ?? e.invoiceId ?? e.eventId ?? `${e.feature}@${new Date(e.lastUsedAt).toISOString()}`

async function allPages(gw: TestGateway, vars: Record<string, unknown>, limit: number) {
  const items: any[] = []
  const calls: number[] = []
  let total = 0
  for (let offset = 0; ; offset += limit) {
    const { body } = await gw.query(QUERY, { ...vars, limit, offset })
    expect(body.errors).toBeUndefined()
    calls.push(body.extensions.rushdb.calls)
    items.push(...body.data.churnRisk.items)
    total = body.data.churnRisk.totalCount
    if (!body.data.churnRisk.hasMore) break
  }
  return { items, calls, total }
}

const shape = (items: any[]) =>
  items.map((i) => ({ customerId: i.customer.customerId, kinds: i.signals.map((s: any) => s.kind), evidence: i.signals.map((s: any) => s.evidence.map(evidenceKey).sort()) }))

describe('churnRisk on a generated graph', () => {
  it('lists exactly the customers the raw data says are at risk, with every signal and its evidence, in 3 calls per page', async () => {
    const expected = expectedRisks(model, model.now, 30)
    for (const kind of ['OPEN_NEGATIVE_TICKET', 'OVERDUE_INVOICES', 'INACTIVE', 'DOWNGRADE']) expect(expected.some((e) => e.kinds.includes(kind))).toBe(true)
    expect(expected.some((e) => e.kinds.length > 1)).toBe(true)
    const { items, calls, total } = await allPages(t, { days: 30, now: model.now }, 40)
    expect(shape(items)).toEqual(expected)
    expect(total).toBe(expected.length)
    // The page, its evidence in one collecting query, and which of its customers are inactive,
    // whatever the page holds (plain RushDB: one query per signal kind, see the remote test).
    expect(calls.every((c) => c === 3)).toBe(true)
    expect(calls.length).toBe(Math.ceil(expected.length / 40))
  })

  it('explains each signal and the whole in plain language, as decision support', async () => {
    const { body } = await t.query(QUERY, { days: 30, now: model.now, limit: 100 })
    const items = body.data.churnRisk.items
    expect(body.data.churnRisk.inactiveSince).toBe('2026-05-02T00:00:00.000Z')
    const open = items.find((i: any) => i.signals[0].kind === 'OPEN_NEGATIVE_TICKET')
    expect(open.signals[0].reason).toMatch(/open support tickets? with negative sentiment.*while on an active paid subscription \(/)
    for (const i of items) {
      expect(i.reason).toMatch(/^\d+ churn signals?: .+\. A signal for a person or workflow to review, not a decision\.$/)
      for (const s of i.signals) expect(s.reason.length).toBeGreaterThan(20)
    }
    const overdue = items.flatMap((i: any) => i.signals).find((s: any) => s.kind === 'OVERDUE_INVOICES')
    expect(overdue.reason).toMatch(/^\d+ overdue invoices? totalling \$\d+/)
    const down = items.flatMap((i: any) => i.signals).find((s: any) => s.kind === 'DOWNGRADE')
    expect(down.reason).toMatch(/^Downgraded from (starter|pro|enterprise) to (free|starter|pro)/)
  })

  it('moves the inactivity window with inactiveDays and now, and filters by signal kind', async () => {
    const now = '2026-04-01T00:00:00Z'
    const expected = expectedRisks(model, now, 90).filter((e) => e.kinds.includes('INACTIVE'))
    const { items, total } = await allPages(t, { days: 90, now, signals: ['INACTIVE'] }, 100)
    expect(items.map((i) => i.customer.customerId)).toEqual(expected.map((e) => e.customerId))
    expect(items.every((i) => i.signals.length === 1 && i.signals[0].kind === 'INACTIVE')).toBe(true)
    expect(total).toBe(expected.length)
  })

  it('gives the same answer with only plain RushDB forms (remote profile)', async () => {
    const embedded = await t.query(QUERY, { days: 30, now: model.now, limit: 50, offset: 10 })
    recorder.bodies.length = 0
    const plain = await remote.query(QUERY, { days: 30, now: model.now, limit: 50, offset: 10 })
    expect(plain.body.errors).toBeUndefined()
    expect(recorder.bodies).toHaveLength(7)
    for (const { body } of recorder.bodies) expect(engineExtensionsIn(body)).toEqual([])
    expect(shape(plain.body.data.churnRisk.items)).toEqual(shape(embedded.body.data.churnRisk.items))
    expect(plain.body.extensions.rushdb.calls).toBe(7)
  })

  it('folds the customers\' relation fields into the page query on the embedded engine', async () => {
    const query = `query($now: DateTime) { churnRisk(now: $now, limit: 30, signals: [OVERDUE_INVOICES]) { items { customer { customerId account { accountId } } } } }`
    const { body } = await t.query(query, { now: model.now })
    expect(body.errors).toBeUndefined()
    const items = body.data.churnRisk.items
    expect(items.length).toBeGreaterThan(0)
    for (const i of items) expect(i.customer.account.accountId).toBe(model.accountOf.get(i.customer.customerId)!.accountId)
    expect(body.extensions.rushdb.calls).toBe(2)
    const plain = await remote.query(query, { now: model.now })
    expect(plain.body.data).toEqual(body.data)
    expect(plain.body.extensions.rushdb.calls).toBe(3)
  })

  it('refuses bad arguments with BAD_USER_INPUT before calling RushDB', async () => {
    for (const [vars, message] of [
      [{ days: 0 }, 'inactiveDays must be a whole number of days between 1 and 3650, got 0'],
      [{ days: -5 }, 'inactiveDays must be a whole number of days between 1 and 3650, got -5'],
      [{ limit: 101 }, 'limit must be between 1 and 100, got 101'],
      [{ offset: -1 }, 'offset must be 0 or more, got -1'],
      [{ signals: [] }, 'signals must name at least one of OPEN_NEGATIVE_TICKET, OVERDUE_INVOICES, INACTIVE, DOWNGRADE, or be left out for all of them']
    ] as const) {
      const { body } = await t.query(QUERY, vars)
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
      expect(body.errors[0].message).toBe(message)
      expect(body.extensions.rushdb.calls).toBe(0)
    }
  })
})

it('the expectation helper is independent of the gateway (sanity: the planted churn customers all show OPEN_NEGATIVE_TICKET)', () => {
  const m = demoModel(CUSTOMERS)
  const open = expectedRisks(m, m.now, 30).filter((e) => e.kinds.includes('OPEN_NEGATIVE_TICKET')).map((e) => e.customerId)
  const planted = m.customers.filter((c) => c.plan === 'pro' && (m.ticketsOf.get(c.customerId) ?? []).some((x) => x.status === 'open' && x.sentiment === 'negative') && c.SUBSCRIPTION.some((s) => s.status === 'active'))
  for (const c of planted) expect(open).toContain(c.customerId)
})
