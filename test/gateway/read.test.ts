import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph, type FixtureIds } from './fixture-graph.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let t: TestGateway
let ids: FixtureIds

beforeAll(async () => {
  t = createTestGateway()
  ids = await loadFixtureGraph(t.backend.sdk)
})

const keys = (rows: Array<Record<string, unknown>>, key = 'customerId') => rows.map((r) => r[key])

describe('reading the customer graph', () => {
  it('answers the seed churn query in one RushDB call', async () => {
    const { status, body } = await t.query(`{
      customers(where: { plan: { eq: "pro" }, subscriptions: { some: { status: { eq: "active" } } },
                         tickets: { some: { status: { eq: "open" }, sentiment: { eq: "negative" } } } }) {
        customerId subscriptions { subscriptionId status } tickets { ticketId }
      }
    }`)
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.customers).toEqual([
      { customerId: 'cust-1', subscriptions: [{ subscriptionId: 'sub-1', status: 'active' }], tickets: [{ ticketId: 't-1' }] }
    ])
    expect(body.extensions.rushdb.calls).toBe(1)
  })

  it('follows nested-import edges and typed tutorial edges, in both directions', async () => {
    const { body } = await t.query(`{
      account(accountId: "acc-1") { name customers(orderBy: [{ customerId: ASC }]) { customerId } subscriptions(orderBy: [{ subscriptionId: ASC }]) { subscriptionId invoices(orderBy: [{ month: ASC }]) { invoiceId status } } }
      ticket(ticketId: "t-3") { subject customer { customerId account { accountId } } }
      nested: ticket(ticketId: "t-1") { customer { customerId } }
      customer(customerId: "cust-3") { tickets(orderBy: [{ ticketId: ASC }]) { ticketId } orders(orderBy: [{ orderId: DESC }]) { orderId } }
    }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.account).toEqual({
      name: 'Acme Corp',
      customers: [{ customerId: 'cust-1' }, { customerId: 'cust-2' }],
      subscriptions: [
        { subscriptionId: 'sub-1', invoices: [{ invoiceId: 'inv-1', status: 'paid' }, { invoiceId: 'inv-2', status: 'overdue' }] },
        { subscriptionId: 'sub-2', invoices: [] }
      ]
    })
    expect(body.data.ticket).toEqual({ subject: 'Invoice question', customer: { customerId: 'cust-3', account: { accountId: 'acc-2' } } })
    expect(body.data.nested).toEqual({ customer: { customerId: 'cust-1' } })
    expect(body.data.customer).toEqual({ tickets: [{ ticketId: 't-3' }], orders: [{ orderId: 'ord-3' }, { orderId: 'ord-2' }] })
    // Four root fields, each folded into one SearchQuery.
    expect(body.extensions.rushdb.calls).toBe(4)
  })

  it('makes one call per nesting level when folding is off, whatever the list sizes', async () => {
    const unfolded = createTestGateway({ FOLD_RELATIONS: 'false' })
    await loadFixtureGraph(unfolded.backend.sdk)
    const query = `{ customers(orderBy: [{ customerId: ASC }]) { customerId subscriptions { subscriptionId invoices { invoiceId } } } }`
    const a = await unfolded.query(query)
    const b = await t.query(query)
    expect(a.body.errors).toBeUndefined()
    expect(a.body.data).toEqual(b.body.data)
    expect(a.body.extensions.rushdb.calls).toBe(3)
    expect(b.body.extensions.rushdb.calls).toBe(1)
  })

  it('supports every scalar operator and AND / OR / NOT', async () => {
    const run = async (where: string) => {
      const { body } = await t.query(`{ customers(where: ${where}, orderBy: [{ customerId: ASC }]) { customerId } }`)
      expect(body.errors).toBeUndefined()
      return keys(body.data.customers)
    }
    expect(await run('{ plan: { ne: "pro" } }')).toEqual(['cust-3'])
    expect(await run('{ plan: { in: ["starter", "free"] } }')).toEqual(['cust-3'])
    expect(await run('{ plan: { notIn: ["starter"] } }')).toEqual(['cust-1', 'cust-2', 'cust-4'])
    expect(await run('{ createdAt: { gt: "2025-02-10T09:00:00Z" } }')).toEqual(['cust-3', 'cust-4'])
    expect(await run('{ createdAt: { gte: "2025-02-10T10:00:00+01:00", lt: "2025-04-01T00:00:00Z" } }')).toEqual(['cust-2', 'cust-3'])
    expect(await run('{ createdAt: { eq: "2025-01-10T10:00:00+01:00" } }')).toEqual(['cust-1'])
    expect(await run('{ name: { contains: "CHEN" } }')).toEqual(['cust-2'])
    expect(await run('{ email: { endsWith: "@globex.test" } }')).toEqual(['cust-3', 'cust-4'])
    expect(await run('{ name: { startsWith: "Di \\"Quote\\" O\'Neil --" } }')).toEqual(['cust-4'])
    expect(await run('{ region: { exists: false }, plan: { eq: "starter" } }')).toEqual(['cust-3'])
    expect(await run('{ OR: [{ plan: { eq: "starter" } }, { name: { eq: "Ann Lee" } }] }')).toEqual(['cust-1', 'cust-3'])
    expect(await run('{ NOT: { plan: { eq: "pro" } } }')).toEqual(['cust-3'])
    expect(await run('{ AND: [{ plan: { eq: "pro" } }, { NOT: { customerId: { in: ["cust-1", "cust-2"] } } }] }')).toEqual(['cust-4'])
    expect(await run('{ plan: { in: [] } }')).toEqual([])
    expect(await run('{ NOT: {} }')).toEqual([])
    expect(await run('{ OR: [{}, { plan: { eq: "starter" } }] }')).toEqual(['cust-1', 'cust-2', 'cust-3', 'cust-4'])
  })

  it('quantifies relation filters with some, none and all, to any depth', async () => {
    const run = async (where: string) => {
      const { body } = await t.query(`{ customers(where: ${where}, orderBy: [{ customerId: ASC }]) { customerId } }`)
      expect(body.errors).toBeUndefined()
      return keys(body.data.customers)
    }
    expect(await run('{ tickets: { none: {} } }')).toEqual(['cust-4'])
    expect(await run('{ tickets: { some: {} } }')).toEqual(['cust-1', 'cust-2', 'cust-3'])
    expect(await run('{ orders: { all: { product: { eq: "Widget" } } } }')).toEqual(['cust-1', 'cust-2', 'cust-4'])
    expect(await run('{ orders: { some: { product: { eq: "Widget" } }, none: { product: { eq: "Gadget" } } } }')).toEqual(['cust-1'])
    expect(await run('{ account: { some: { subscriptions: { some: { invoices: { some: { status: { eq: "overdue" } } } } } } } }')).toEqual(['cust-1', 'cust-2'])
  })

  it('sorts by several keys and pages with limit/offset', async () => {
    const { body } = await t.query(`{ customers(orderBy: [{ plan: DESC }, { createdAt: DESC }], limit: 2, offset: 1) { customerId } }`)
    expect(body.errors).toBeUndefined()
    // starter sorts after pro descending-first; within pro, newest first.
    expect(keys(body.data.customers)).toEqual(['cust-4', 'cust-2'])
  })

  it('pages a connection with keyset cursors forwards and backwards', async () => {
    const seen: string[] = []
    let after: string | null = null
    for (let page = 0; page < 5; page++) {
      const { body } = await t.query(`query($after: String) { customersConnection(first: 3, after: $after, orderBy: [{ plan: ASC }]) { totalCount edges { cursor node { customerId plan } } pageInfo { hasNextPage endCursor } } }`, { after })
      expect(body.errors).toBeUndefined()
      const c = body.data.customersConnection
      expect(c.totalCount).toBe(4)
      seen.push(...c.edges.map((e: any) => e.node.customerId))
      if (!c.pageInfo.hasNextPage) break
      after = c.pageInfo.endCursor
    }
    expect(seen).toEqual(['cust-1', 'cust-2', 'cust-4', 'cust-3'])
    const { body } = await t.query(`query($before: String) { customersConnection(last: 2, before: $before, orderBy: [{ plan: ASC }]) { nodes { customerId } pageInfo { hasPreviousPage hasNextPage } } }`, { before: after })
    expect(body.errors).toBeUndefined()
    expect(body.data.customersConnection.nodes.map((n: any) => n.customerId)).toEqual(['cust-1', 'cust-2'])
    expect(body.data.customersConnection.pageInfo).toEqual({ hasPreviousPage: false, hasNextPage: true })
  })

  it('exposes every stored property through properties, and ids as UUIDv7', async () => {
    const { body } = await t.query(`{ customer(customerId: "cust-1") { id label properties } }`)
    expect(body.data.customer.id).toBe(ids['cust-1'])
    expect(body.data.customer.label).toBe('CUSTOMER')
    expect(body.data.customer.properties).toMatchObject({ customerId: 'cust-1', plan: 'pro', email: 'ann@acme.test' })
  })
})
