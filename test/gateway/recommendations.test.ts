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
  ;({ t, remote, model } = await demoGateways(250, recorder))
}, 60_000)

const QUERY = `query($customerId: String, $customerRecordId: ID, $limit: Int, $kinds: [RecommendationKind!]) {
  recommendations(customerId: $customerId, customerRecordId: $customerRecordId, limit: $limit, kinds: $kinds) {
    customer { id customerId } products overlappingCustomers
    items { kind name evidenceCount reason }
  }
}`

const bought = (c: CustomerPayload) => c.ORDER.filter((o) => o.status !== 'cancelled' && o.status !== 'refunded')

/** Recommendations from the generator's raw data with plain JS. */
function expected(m: DemoModel, me: CustomerPayload, limit: number) {
  const mine = new Set(bought(me).map((o) => o.product))
  const ladder = ['free', 'starter', 'pro', 'enterprise']
  const best = Math.max(0, ...me.SUBSCRIPTION.filter((s) => s.status !== 'cancelled').map((s) => ladder.indexOf(s.plan)))
  const myPlans = new Set<string>([...me.SUBSCRIPTION.map((s) => s.plan), ...ladder.slice(0, best + 1)])
  const others = m.customers.filter((c) => c.customerId !== me.customerId && bought(c).some((o) => mine.has(o.product)))
  const tally = (kind: string, names: (c: CustomerPayload) => string[]) => {
    const counts = new Map<string, number>()
    for (const c of others) for (const n of new Set(names(c))) counts.set(n, (counts.get(n) ?? 0) + 1)
    return [...counts].map(([name, evidenceCount]) => ({ kind, name, evidenceCount }))
  }
  const items = [
    ...tally('PRODUCT', (c) => bought(c).map((o) => o.product).filter((p) => !mine.has(p))),
    ...tally('PLAN', (c) => c.SUBSCRIPTION.filter((s) => s.status === 'active' && !myPlans.has(s.plan)).map((s) => s.plan))
  ]
  // The gateway cuts each kind at `limit` before merging; the overall best lie in each kind's best, so one cut here is the same.
  items.sort((a, b) => b.evidenceCount - a.evidenceCount || (a.kind === b.kind ? 0 : a.kind === 'PRODUCT' ? -1 : 1) || (a.name < b.name ? -1 : 1))
  return { products: [...mine].sort(), overlappingCustomers: others.length, items: items.slice(0, limit) }
}

const strip = (r: any) => ({ products: r.products, overlappingCustomers: r.overlappingCustomers, items: r.items.map(({ kind, name, evidenceCount }: any) => ({ kind, name, evidenceCount })) })

function subjects(m: DemoModel): CustomerPayload[] {
  const withOrders = m.customers.filter((c) => new Set(bought(c).map((o) => o.product)).size >= 2)
  return [withOrders[0], withOrders[7], withOrders[21]]
}

describe('recommendations on a generated graph', () => {
  it('suggests what overlapping customers bought and the customer did not, ordered by evidence, in 6 calls (3 for the customer, 1 overlap count, 1 per kind)', async () => {
    for (const me of subjects(model)) {
      const want = expected(model, me, 8)
      expect(want.items.length).toBeGreaterThan(2)
      expect(want.items.some((i) => i.kind === 'PLAN') || want.items.length === 8).toBe(true)
      const { body } = await t.query(QUERY, { customerId: me.customerId, limit: 8 })
      expect(body.errors).toBeUndefined()
      expect(strip(body.data.recommendations)).toEqual(want)
      expect(body.extensions.rushdb.calls).toBe(6)
      const top = body.data.recommendations.items[0]
      expect(top.reason).toBe(
        `${top.evidenceCount} of the ${want.overlappingCustomers} customers who bought the same products as this customer ${top.kind === 'PRODUCT' ? `bought ${top.name}` : `are on the ${top.name} plan`}; this customer has not. A suggestion for a person or workflow to weigh, not a decision.`
      )
    }
  })

  it('answers one kind at a time, by record id too', async () => {
    const me = subjects(model)[1]
    const first = await t.query(QUERY, { customerId: me.customerId, limit: 3, kinds: ['PLAN'] })
    const want = expected(model, me, 50).items.filter((i) => i.kind === 'PLAN').slice(0, 3)
    expect(want.length).toBeGreaterThan(0)
    expect(strip(first.body.data.recommendations).items).toEqual(want)
    expect(first.body.extensions.rushdb.calls).toBe(5)
    const byId = await t.query(QUERY, { customerRecordId: first.body.data.recommendations.customer.id, limit: 3, kinds: ['PLAN'] })
    expect(byId.body.data).toEqual(first.body.data)
  })

  it('gives the same answer with only plain RushDB forms (candidates counted in the gateway)', async () => {
    for (const me of subjects(model)) {
      const embedded = await t.query(QUERY, { customerId: me.customerId, limit: 8 })
      recorder.bodies.length = 0
      const plain = await remote.query(QUERY, { customerId: me.customerId, limit: 8 })
      expect(plain.body.errors).toBeUndefined()
      expect(plain.body.data).toEqual(embedded.body.data)
      expect(plain.body.extensions.rushdb.calls).toBe(6)
      for (const { body } of recorder.bodies) expect(engineExtensionsIn(body)).toEqual([])
    }
  })

  it('answers a customer without orders with nothing, an unknown customer with NOT_FOUND and bad limits with BAD_USER_INPUT', async () => {
    const idle = model.customers.find((c) => bought(c).length === 0)!
    const none = await t.query(QUERY, { customerId: idle.customerId })
    expect(none.body.data.recommendations).toMatchObject({ products: [], overlappingCustomers: 0, items: [] })
    expect(none.body.extensions.rushdb.calls).toBe(3)
    for (const [vars, code, message] of [
      [{ customerId: 'cust-nope' }, 'NOT_FOUND', 'no customer with customerId "cust-nope"; check the id, or look it up with customers(where: …)'],
      [{ customerId: idle.customerId, limit: 51 }, 'BAD_USER_INPUT', 'limit must be between 1 and 50, got 51'],
      [{ customerId: idle.customerId, limit: 0 }, 'BAD_USER_INPUT', 'limit must be between 1 and 50, got 0'],
      [{ customerId: idle.customerId, kinds: [] }, 'BAD_USER_INPUT', 'kinds must name at least one of PRODUCT, PLAN, or be left out for both']
    ] as const) {
      const { body } = await t.query(QUERY, vars)
      expect(body.errors[0].extensions.code).toBe(code)
      expect(body.errors[0].message).toBe(message)
    }
  })
})
