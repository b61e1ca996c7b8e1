import { beforeAll, describe, expect, it } from 'vitest'
import type { CustomerPayload } from '../../src/demo/demo-types.js'
import { demoGateways, type DemoModel } from './demo-graph-model.js'
import { engineExtensionsIn, searchRecorder } from './plain-rushdb.js'
import type { TestGateway } from './test-gateway.js'

let t: TestGateway
let remote: TestGateway
let model: DemoModel
const recorder = searchRecorder()

beforeAll(async () => {
  ;({ t, remote, model } = await demoGateways(120, recorder))
}, 60_000)

const QUERY = `query($customerId: String, $first: Int, $after: String, $order: JourneyOrder, $kinds: [JourneyEntryKind!]) {
  customerJourney(customerId: $customerId, first: $first, after: $after, order: $order, kinds: $kinds) {
    customer { customerId }
    entries {
      at kind summary cursor
      record {
        __typename
        ... on Event { eventId }
        ... on Order { orderId }
        ... on Ticket { ticketId }
        ... on Touchpoint { touchpointId }
        ... on Subscription { subscriptionId }
      }
    }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`

/** The customer's whole timeline from the generator's raw data: [epoch ms, kind, natural key]. */
function timeline(m: DemoModel, c: CustomerPayload): Array<[number, string, string]> {
  const account = m.accountOf.get(c.customerId)
  return [
    ...c.EVENT.map((e) => [Date.parse(e.occurredAt), 'EVENT', e.eventId]),
    ...c.ORDER.map((o) => [Date.parse(o.orderedAt), 'ORDER', o.orderId]),
    ...(m.ticketsOf.get(c.customerId) ?? []).map((x) => [Date.parse(x.createdAt), 'TICKET', x.ticketId]),
    ...(account ? m.touchpointsOf.get(account.accountId) ?? [] : []).map((x) => [Date.parse(x.occurredAt), 'TOUCHPOINT', x.touchpointId]),
    ...c.SUBSCRIPTION.map((s) => [Date.parse(s.startedAt), 'SUBSCRIPTION', s.subscriptionId])
  ] as Array<[number, string, string]>
}

const keyOf = (r: any) => r.eventId ?? r.orderId ?? r.ticketId ?? r.touchpointId ?? r.subscriptionId
const byTimeThenKey = (a: [number, string, string], b: [number, string, string]) => a[0] - b[0] || a[2].localeCompare(b[2])

async function walk(gw: TestGateway, vars: Record<string, unknown>) {
  const entries: any[] = []
  const calls: number[] = []
  let after: string | undefined
  for (;;) {
    const { body } = await gw.query(QUERY, { ...vars, after })
    expect(body.errors).toBeUndefined()
    calls.push(body.extensions.rushdb.calls)
    const page = body.data.customerJourney
    entries.push(...page.entries)
    expect(page.pageInfo.hasPreviousPage).toBe(after !== undefined)
    if (!page.pageInfo.hasNextPage) return { entries, calls }
    after = page.pageInfo.endCursor
  }
}

const richest = (m: DemoModel) => [...m.customers].sort((a, b) => timeline(m, b).length - timeline(m, a).length || a.customerId.localeCompare(b.customerId))[0]

describe('customerJourney on a generated graph', () => {
  it('pages through the merged timeline newest first, with no entry lost or repeated, in 6 calls per page', async () => {
    const c = richest(model)
    const expected = timeline(model, c)
    expect(new Set(expected.map((e) => e[1])).size).toBe(5)
    const { entries, calls } = await walk(t, { customerId: c.customerId, first: 4 })
    const got = entries.map((e) => [Date.parse(e.at), e.kind, keyOf(e.record)] as [number, string, string])
    for (let i = 1; i < got.length; i++) expect(got[i - 1][0]).toBeGreaterThanOrEqual(got[i][0])
    expect([...got].sort(byTimeThenKey)).toEqual([...expected].sort(byTimeThenKey))
    expect(calls.length).toBe(Math.ceil(expected.length / 4))
    expect(calls.every((n) => n === 6)).toBe(true)
    const order = entries.find((e) => e.kind === 'ORDER')
    expect(order.summary).toMatch(/^Ordered \d+ × .+ \(\$\d+\), \w+$/)
    expect(entries.find((e) => e.kind === 'TICKET').summary).toMatch(/^Opened support ticket ".+" \(\w+, \w+ sentiment\)$/)
  })

  it('pages oldest first, and only the kinds asked for (one call per kind plus the customer)', async () => {
    const c = richest(model)
    const expected = timeline(model, c).filter((e) => e[1] === 'ORDER' || e[1] === 'TICKET').sort(byTimeThenKey)
    const { entries, calls } = await walk(t, { customerId: c.customerId, first: 2, order: 'OLDEST_FIRST', kinds: ['ORDER', 'TICKET'] })
    expect(entries.map((e) => keyOf(e.record))).toEqual(expected.map((e) => e[2]))
    expect(calls.every((n) => n === 3)).toBe(true)
  })

  it('keeps entries at the same instant across page boundaries', async () => {
    const same = '2026-01-01T12:00:00Z'
    await t.backend.sdk.records.createMany({
      label: 'CUSTOMER',
      data: [{ customerId: 'cust-ties', name: 'Tie Breaker', EVENT: [1, 2, 3, 4, 5].map((n) => ({ eventId: `tie-${n}`, type: 'login', occurredAt: same })), ORDER: [{ orderId: 'tie-o', product: 'Widget', orderedAt: same }] }],
      options: { suggestTypes: true, returnResult: true }
    } as never)
    for (const gw of [t, remote]) {
      const { entries } = await walk(gw, { customerId: 'cust-ties', first: 2 })
      expect(entries.map((e) => keyOf(e.record)).sort()).toEqual(['tie-1', 'tie-2', 'tie-3', 'tie-4', 'tie-5', 'tie-o'])
    }
  })

  it('gives the same pages with only plain RushDB forms (remote profile)', async () => {
    const c = richest(model)
    const embedded = await walk(t, { customerId: c.customerId, first: 5 })
    recorder.bodies.length = 0
    const plain = await walk(remote, { customerId: c.customerId, first: 5 })
    expect(plain.entries.map((e) => e.record)).toEqual(embedded.entries.map((e) => e.record))
    for (const { body } of recorder.bodies) expect(engineExtensionsIn(body)).toEqual([])
  })

  it('refuses an unknown customer, a page above the maximum, a foreign cursor and no kinds', async () => {
    const c = richest(model)
    const first = await t.query(QUERY, { customerId: c.customerId, first: 3 })
    const cursor = first.body.data.customerJourney.pageInfo.endCursor
    for (const [vars, code, message] of [
      [{ customerId: 'cust-nope' }, 'NOT_FOUND', 'no customer with customerId "cust-nope"; check the id, or look it up with customers(where: …)'],
      [{ customerId: c.customerId, first: 101 }, 'BAD_USER_INPUT', 'first must be between 1 and 100, got 101'],
      [{ customerId: c.customerId, first: 0 }, 'BAD_USER_INPUT', 'first must be between 1 and 100, got 0'],
      [{ customerId: c.customerId, after: 'garbage' }, 'BAD_USER_INPUT', 'after is not a journey cursor; pass the endCursor (or an entry cursor) of a previous customerJourney page'],
      [{ customerId: c.customerId, after: cursor, order: 'OLDEST_FIRST' }, 'BAD_USER_INPUT', 'after was made for the NEWEST_FIRST order; ask with the same order, or start again without after'],
      [{ customerId: c.customerId, kinds: [] }, 'BAD_USER_INPUT', 'kinds must name at least one of EVENT, ORDER, TICKET, TOUCHPOINT, SUBSCRIPTION, or be left out for all of them'],
      [{}, 'BAD_USER_INPUT', 'customerJourney needs exactly one of customerId, customerRecordId; got none']
    ] as const) {
      const { body } = await t.query(QUERY, vars)
      expect(body.errors[0].extensions.code).toBe(code)
      expect(body.errors[0].message).toBe(message)
    }
  })
})
