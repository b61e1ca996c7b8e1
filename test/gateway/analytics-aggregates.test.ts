import { beforeAll, describe, expect, it } from 'vitest'
import type { DemoBatch } from '../../src/demo/demo-types.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { searchRecorder } from './plain-rushdb.js'
import { createTestGateway, gatewaysOnOneEngine, type TestGateway } from './test-gateway.js'

const GRAPH = { customers: 150, seed: 11 }

let t: TestGateway
let remote: TestGateway
let recorder: ReturnType<typeof searchRecorder>
let raw: DemoBatch[]

beforeAll(async () => {
  recorder = searchRecorder()
  ;[t, remote] = await gatewaysOnOneEngine((sdk) => loadDemoGraph(sdk, GRAPH), recorder.wrap, [{}, { BACKEND_PROFILE: 'remote' }])
  // The expected answers come from the generator's raw output, not from the gateway.
  raw = [...generateCustomerGraph(GRAPH).customerBatches(GRAPH.customers)]
}, 60_000)

async function run(gateway: TestGateway, query: string, variables?: Record<string, unknown>) {
  recorder.bodies.length = 0
  const { status, body } = await gateway.query(query, variables)
  return { status, body, sent: recorder.bodies.map((b) => b.body) }
}

async function ok(gateway: TestGateway, query: string, variables?: Record<string, unknown>) {
  const result = await run(gateway, query, variables)
  expect(result.body.errors).toBeUndefined()
  return result
}

const round = (n: number) => Math.round(n * 1e6) / 1e6
const monthStart = (iso: string) => `${iso.slice(0, 7)}-01T00:00:00.000Z`
function weekStart(iso: string): string {
  const d = new Date(iso)
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
  const sinceMonday = (d.getUTCDay() + 6) % 7
  return new Date(day - sinceMonday * 86_400_000).toISOString()
}

function allTickets() {
  return raw.flatMap((b) => [...b.customers.flatMap((c) => c.SUPPORT_TICKET), ...b.helpdeskTickets])
}

function mrrByRegionOfActiveAccounts() {
  const subs = new Map(raw.flatMap((b) => b.customers.flatMap((c) => c.SUBSCRIPTION)).map((s) => [s.subscriptionId, s]))
  const active = new Set(
    raw.flatMap((b) => b.links).filter((l) => l.type === 'HAS_SUBSCRIPTION' && subs.get(l.to)?.status === 'active').map((l) => l.from)
  )
  const groups = new Map<string, { count: number; mrr: number }>()
  for (const a of raw.flatMap((b) => b.accounts).filter((a) => active.has(a.accountId))) {
    const g = groups.get(a.region) ?? { count: 0, mrr: 0 }
    g.count++
    g.mrr += a.mrr
    groups.set(a.region, g)
  }
  return groups
}

const MRR_BY_REGION = `{
  accountsGroupBy(where: { subscriptions: { some: { status: { eq: "active" } } } }, by: [{ field: region }], orderBy: [{ by: SUM, field: mrr, direction: DESC }]) {
    key { region } count sum { mrr } avg { mrr }
  }
}`

describe('aggregates and group-by: each question is one RushDB query', () => {
  it('MRR by region over accounts with an active subscription', async () => {
    const { body, sent } = await ok(t, MRR_BY_REGION)
    const expected = mrrByRegionOfActiveAccounts()
    expect(expected.size).toBeGreaterThan(1)
    const groups = body.data.accountsGroupBy
    expect(groups.map((g: any) => g.key.region).sort()).toEqual([...expected.keys()].sort())
    for (const g of groups) {
      const e = expected.get(g.key.region)!
      expect(g.count).toBe(e.count)
      expect(g.sum.mrr).toBe(e.mrr)
      expect(round(g.avg.mrr)).toBe(round(e.mrr / e.count))
    }
    const sums = groups.map((g: any) => g.sum.mrr)
    expect(sums).toEqual([...sums].sort((a, b) => b - a))
    expect(body.extensions.rushdb.calls).toBe(1)
    expect(sent).toHaveLength(1)
    expect(sent[0].groupBy).toEqual(['key_region'])
    expect(sent[0].select.sum_mrr).toEqual({ $sum: '$record.mrr' })
  })

  it('invoice amount by month and status', async () => {
    const { body, sent } = await ok(t, `{
      invoicesGroupBy(by: [{ field: issuedAt, bucket: MONTH }, { field: status }], limit: 1000) { key { issuedAt status } count sum { amount } }
    }`)
    const expected = new Map<string, { count: number; amount: number }>()
    for (const inv of raw.flatMap((b) => b.invoices)) {
      const key = `${monthStart(inv.issuedAt)}|${inv.status}`
      const g = expected.get(key) ?? { count: 0, amount: 0 }
      g.count++
      g.amount += inv.amount
      expected.set(key, g)
    }
    const groups = body.data.invoicesGroupBy
    expect(groups).toHaveLength(expected.size)
    for (const g of groups) {
      const e = expected.get(`${g.key.issuedAt}|${g.key.status}`)
      expect(e, `${g.key.issuedAt} ${g.key.status}`).toBeDefined()
      expect(g.count).toBe(e!.count)
      expect(round(g.sum.amount)).toBe(round(e!.amount))
    }
    // Default order: the group keys ascending.
    const keys = groups.map((g: any) => `${g.key.issuedAt}|${g.key.status}`)
    expect(keys).toEqual([...keys].sort())
    expect(body.extensions.rushdb.calls).toBe(1)
    expect(sent[0].select.key_issuedAt).toEqual({ $timeBucket: { field: '$record.issuedAt', unit: 'month' } })
  })

  it('tickets by sentiment per week', async () => {
    const { body } = await ok(t, `{
      ticketsGroupBy(by: [{ field: createdAt, bucket: WEEK }, { field: sentiment }], orderBy: [{ by: KEY, field: createdAt, direction: DESC }], limit: 1000) {
        key { createdAt sentiment } count
      }
    }`)
    const expected = new Map<string, number>()
    for (const tk of allTickets()) {
      const key = `${weekStart(tk.createdAt)}|${tk.sentiment}`
      expected.set(key, (expected.get(key) ?? 0) + 1)
    }
    const groups = body.data.ticketsGroupBy
    expect(new Map(groups.map((g: any) => [`${g.key.createdAt}|${g.key.sentiment}`, g.count]))).toEqual(expected)
    for (const g of groups) expect(new Date(g.key.createdAt).getUTCDay()).toBe(1)
    const weeks = groups.map((g: any) => g.key.createdAt)
    expect(weeks).toEqual([...weeks].sort().reverse())
    expect(body.extensions.rushdb.calls).toBe(1)
  })

  it('an aggregate over a filter: count, sum, avg, min and max (numbers and datetimes)', async () => {
    const { body, sent } = await ok(t, `{
      invoicesAggregate(where: { status: { eq: "overdue" } }) { count sum { amount } avg { amount } min { amount issuedAt } max { amount issuedAt } }
      none: invoicesAggregate(where: { status: { eq: "no-such-status" } }) { count sum { amount } max { issuedAt } }
    }`)
    const overdue = raw.flatMap((b) => b.invoices).filter((i) => i.status === 'overdue')
    expect(overdue.length).toBeGreaterThan(0)
    const amounts = overdue.map((i) => i.amount)
    const dates = overdue.map((i) => i.issuedAt).sort()
    const agg = body.data.invoicesAggregate
    expect(agg.count).toBe(overdue.length)
    expect(round(agg.sum.amount)).toBe(round(amounts.reduce((a, b) => a + b, 0)))
    expect(round(agg.avg.amount)).toBe(round(amounts.reduce((a, b) => a + b, 0) / amounts.length))
    expect(agg.min.amount).toBe(Math.min(...amounts))
    expect(agg.max.amount).toBe(Math.max(...amounts))
    expect(new Date(agg.min.issuedAt).getTime()).toBe(new Date(dates[0]).getTime())
    expect(new Date(agg.max.issuedAt).getTime()).toBe(new Date(dates[dates.length - 1]).getTime())
    expect(body.data.none).toEqual({ count: 0, sum: { amount: 0 }, max: { issuedAt: null } })
    // Two root fields, one query each; only the selected aggregates are computed.
    expect(body.extensions.rushdb.calls).toBe(2)
    expect(Object.keys(sent[1].select).sort()).toEqual(['count', 'max_issuedAt', 'sum_amount'])
  })

  it('relation aggregates are batched: one RushDB call per relation field for every parent', async () => {
    const { body } = await ok(t, `{
      customers(limit: 100) {
        customerId
        ticketsAggregate { count }
        openTickets: ticketsAggregate(where: { status: { eq: "open" } }) { count }
        ordersAggregate { count sum { totalUsd } max { orderedAt } }
      }
    }`)
    const created = new Map<string, number>()
    for (const l of raw.flatMap((b) => b.links).filter((l) => l.type === 'CREATED')) created.set(l.from, (created.get(l.from) ?? 0) + 1)
    const helpdesk = new Map(raw.flatMap((b) => b.helpdeskTickets).map((tk) => [tk.ticketId, tk]))
    const openCreated = new Map<string, number>()
    for (const l of raw.flatMap((b) => b.links).filter((l) => l.type === 'CREATED' && helpdesk.get(l.to)?.status === 'open')) {
      openCreated.set(l.from, (openCreated.get(l.from) ?? 0) + 1)
    }
    const customers = new Map(raw.flatMap((b) => b.customers).map((c) => [c.customerId, c]))
    const rows = body.data.customers
    expect(rows).toHaveLength(100)
    for (const row of rows) {
      const c = customers.get(row.customerId)!
      expect(row.ticketsAggregate.count).toBe(c.SUPPORT_TICKET.length + (created.get(c.customerId) ?? 0))
      expect(row.openTickets.count).toBe(c.SUPPORT_TICKET.filter((tk) => tk.status === 'open').length + (openCreated.get(c.customerId) ?? 0))
      expect(row.ordersAggregate.count).toBe(c.ORDER.length)
      expect(round(row.ordersAggregate.sum.totalUsd)).toBe(round(c.ORDER.reduce((a, o) => a + o.totalUsd, 0)))
      const last = c.ORDER.map((o) => o.orderedAt).sort().pop()
      expect(row.ordersAggregate.max.orderedAt === null ? undefined : new Date(row.ordersAggregate.max.orderedAt).getTime()).toBe(last && new Date(last).getTime())
    }
    // The list, then one grouped query per aggregate field (the alias with another filter is its own).
    expect(body.extensions.rushdb.calls).toBe(4)
  })
})

describe('aggregates through a chain of relations', () => {
  it('Account.invoicesAggregate and Customer.invoicesAggregate: one query per field for every parent', async () => {
    const { body, sent } = await ok(t, `{
      accounts(limit: 100) { accountId invoicesAggregate { count sum { amount } } overdue: invoicesAggregate(where: { status: { eq: "overdue" } }) { count } }
      customers(limit: 100) { customerId invoicesAggregate { count } }
    }`)
    const invoices = new Map(raw.flatMap((b) => b.invoices).map((i) => [i.invoiceId, i]))
    const links = raw.flatMap((b) => b.links)
    const invoicesOfSub = (sub: string) => links.filter((l) => l.type === 'HAS_INVOICE' && l.from === sub).map((l) => invoices.get(l.to)!)
    const accounts = body.data.accounts
    expect(accounts.some((a: any) => a.invoicesAggregate.count > 0)).toBe(true)
    for (const a of accounts) {
      const mine = links.filter((l) => l.type === 'HAS_SUBSCRIPTION' && l.from === a.accountId).flatMap((l) => invoicesOfSub(l.to))
      expect(a.invoicesAggregate.count).toBe(mine.length)
      expect(round(a.invoicesAggregate.sum.amount)).toBe(round(mine.reduce((x, i) => x + i.amount, 0)))
      expect(a.overdue.count).toBe(mine.filter((i) => i.status === 'overdue').length)
    }
    const customers = new Map(raw.flatMap((b) => b.customers).map((c) => [c.customerId, c]))
    for (const c of body.data.customers) {
      const mine = customers.get(c.customerId)!.SUBSCRIPTION.flatMap((s) => invoicesOfSub(s.subscriptionId))
      expect(c.invoicesAggregate.count).toBe(mine.length)
    }
    // Two lists and three aggregate fields.
    expect(body.extensions.rushdb.calls).toBe(5)
    const accountInvoices = sent.find((q: any) => q.labels[0] === 'INVOICE' && q.where.SUBSCRIPTION?.ACCOUNT)
    expect(accountInvoices.where.SUBSCRIPTION.ACCOUNT.$alias).toBe('$parent')
  })
})

describe('the remote profile sends only what RushDB accepts', () => {
  it('answers the same group-by with one order key naming a select key', async () => {
    const embedded = await ok(t, MRR_BY_REGION)
    const { body, sent } = await ok(remote, MRR_BY_REGION)
    expect(body.data).toEqual(embedded.body.data)
    expect(body.extensions.rushdb.calls).toBe(1)
    expect(Object.keys(sent[0].orderBy)).toEqual(['sum_mrr'])
    expect(sent[0]).not.toHaveProperty('skipTotal')
    const plain = await ok(remote, `{ invoicesGroupBy(by: [{ field: status }, { field: month }], limit: 1000) { key { status } count } }`)
    expect(plain.sent[0].orderBy).toEqual({ key_status: 'asc' })
  })

  it('refuses several group order keys, and relation aggregates over several edge shapes', async () => {
    const many = await run(remote, `{ invoicesGroupBy(by: [{ field: status }], orderBy: [{ by: COUNT }, { by: KEY, field: status }]) { count } }`)
    expect(many.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(many.body.errors[0].message).toMatch(/one key only/)
    expect(many.body.extensions.rushdb.calls).toBe(0)
    const rel = await run(remote, `{ customers(limit: 2) { ticketsAggregate { count } } }`)
    expect(rel.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(rel.body.errors[0].message).toMatch(/not available on a RushDB server/)
  })

  it('relation aggregates over one edge shape work there, batched', async () => {
    const { body, sent } = await ok(remote, `{ customers(limit: 50) { customerId eventsAggregate { count } } }`)
    const customers = new Map(raw.flatMap((b) => b.customers).map((c) => [c.customerId, c]))
    for (const row of body.data.customers) expect(row.eventsAggregate.count).toBe(customers.get(row.customerId)!.EVENT.length)
    expect(body.extensions.rushdb.calls).toBe(2)
    expect(sent[1].where.CUSTOMER.$alias).toBe('$parent')
  })
})

describe('a RushDB server without select/groupBy (before 2.0)', () => {
  it('is reported as such instead of answering empty aggregates', async () => {
    // RushDB 1.x ignores unknown search keys: emulated by dropping them on the way to the engine.
    const old = createTestGateway({ BACKEND_PROFILE: 'remote' }, {
      engine: t.backend.engine,
      wrapTransport: (inner) => ({
        makeRequest(url, config) {
          const body = config.requestData as Record<string, unknown> | undefined
          if (body && typeof body === 'object') {
            const { select: _select, groupBy: _groupBy, ...rest } = body
            return inner.makeRequest(url, { ...config, requestData: rest })
          }
          return inner.makeRequest(url, config)
        }
      })
    })
    for (const query of [`{ invoicesAggregate { count } }`, `{ invoicesGroupBy(by: [{ field: status }]) { count } }`]) {
      const { body } = await old.query(query)
      expect(body.errors[0].extensions.code).toBe('BACKEND_REJECTED')
      expect(body.errors[0].message).toMatch(/select\/groupBy \(2\.0 or later\)/)
    }
  })
})

describe('bad input to aggregates and group-by', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['an unknown group field', `{ invoicesGroupBy(by: [{ field: colour }]) { count } }`, 'GRAPHQL_VALIDATION_FAILED', /colour/],
    ['a time bucket on a text field', `{ invoicesGroupBy(by: [{ field: status, bucket: MONTH }]) { count } }`, 'BAD_USER_INPUT', /DateTime fields only.*issuedAt/],
    ['no group key', `{ invoicesGroupBy(by: []) { count } }`, 'BAD_USER_INPUT', /at least one field/],
    ['the same key twice', `{ invoicesGroupBy(by: [{ field: status }, { field: status }]) { count } }`, 'BAD_USER_INPUT', /named twice/],
    ['ordering by a key not grouped by', `{ invoicesGroupBy(by: [{ field: status }], orderBy: [{ by: KEY, field: month }]) { count } }`, 'BAD_USER_INPUT', /not one of the group keys/],
    ['a sum of a text field', `{ invoicesGroupBy(by: [{ field: status }], orderBy: [{ by: SUM, field: status }]) { count } }`, 'BAD_USER_INPUT', /SUM does not apply to Invoice.status/],
    ['an aggregate order without a field', `{ invoicesGroupBy(by: [{ field: status }], orderBy: [{ by: AVG }]) { count } }`, 'BAD_USER_INPUT', /AVG needs a field/],
    ['too many groups', `{ invoicesGroupBy(by: [{ field: status }], limit: 5000) { count } }`, 'BAD_USER_INPUT', /limit must be between 1 and 1000/],
    ['a sum of a field that is no number', `{ invoicesAggregate { sum { status } } }`, 'GRAPHQL_VALIDATION_FAILED', /status/]
  ]
  for (const [name, query, code, message] of cases) {
    it(name, async () => {
      const { body } = await run(t, query)
      expect(body.errors?.[0]?.extensions?.code).toBe(code)
      expect(body.errors[0].message).toMatch(message)
      expect(body.extensions?.rushdb?.calls ?? 0).toBe(0)
    })
  }
})
