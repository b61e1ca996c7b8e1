import { describe, expect, it } from 'vitest'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { edgeShapes, snapshotGraph } from './graph-snapshot.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

const IMPORT = `mutation Import($customers: [CustomerInput!]!) {
  importCustomers(customers: $customers) {
    customers { id customerId plan account { accountId name } subscriptions { status renewsAt } orders { orderId totalUsd } tickets { ticketId status sentiment } }
    summary { created updated unchanged recordsCreated recordsUpdated relationshipsCreated relationshipsRemoved }
  }
}`

/** The seeds' customer payload (subscriptions, orders and tickets nested) plus its account. */
const SEED = {
  customerId: 'cust-8821',
  plan: 'pro',
  account: { accountId: 'acc-1', name: 'Acme Corp' },
  subscriptions: [{ status: 'active', renewsAt: '2026-08-01' }],
  orders: [{ orderId: 'ord-501', totalUsd: 240 }],
  tickets: [{ status: 'open', sentiment: 'negative' }]
}

/** A gateway whose transport records every RushDB call path. */
function recordingGateway(): { t: TestGateway; paths: string[] } {
  const paths: string[] = []
  const wrap = (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest(url, config) {
      paths.push(`${config.method} ${url.replace(/^.*\/api\/v1/, '')}`)
      return inner.makeRequest(url, config)
    }
  })
  return { t: createTestGateway({}, { wrapTransport: wrap }), paths }
}

const writes = (paths: string[]) => paths.filter((p) => /import\/json|relationships\/|PATCH|PUT|DELETE|records\/delete/.test(p) && !p.includes('/search'))

describe('nested ingest of a customer payload', () => {
  it('lands the seed payload as connected records in one transaction, types inferred by RushDB', async () => {
    const { t, paths } = recordingGateway()
    const { status, body } = await t.query(IMPORT, { customers: [SEED] })
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    const [customer] = body.data.importCustomers.customers
    expect(customer).toMatchObject({
      customerId: 'cust-8821',
      plan: 'pro',
      account: { accountId: 'acc-1', name: 'Acme Corp' },
      subscriptions: [{ status: 'active', renewsAt: '2026-08-01T00:00:00.000Z' }],
      orders: [{ orderId: 'ord-501', totalUsd: 240 }],
      tickets: [{ ticketId: null, status: 'open', sentiment: 'negative' }]
    })
    expect(body.data.importCustomers.summary).toEqual({
      created: 1, updated: 0, unchanged: 0, recordsCreated: 5, recordsUpdated: 0, relationshipsCreated: 4, relationshipsRemoved: 0
    })
    expect(await edgeShapes(t.backend.sdk)).toEqual({
      'CUSTOMER -[BELONGS_TO]-> ACCOUNT': 1,
      'CUSTOMER -[RUSHDB_DEFAULT_RELATION]-> ORDER': 1,
      'CUSTOMER -[RUSHDB_DEFAULT_RELATION]-> SUBSCRIPTION': 1,
      'CUSTOMER -[RUSHDB_DEFAULT_RELATION]-> SUPPORT_TICKET': 1
    })
    // Types are RushDB's inference, not strings.
    const order = await t.backend.sdk.records.findOne({ labels: ['ORDER'], where: { orderId: 'ord-501' } })
    expect(order.data.__proptypes).toEqual({ orderId: 'string', totalUsd: 'number', updatedAt: 'datetime' })
    const sub = await t.backend.sdk.records.findOne({ labels: ['SUBSCRIPTION'] })
    expect(sub.data.__proptypes).toMatchObject({ renewsAt: 'datetime', status: 'string' })
    // One transaction around the whole write.
    const begin = paths.indexOf('POST /tx')
    const commit = paths.findIndex((p) => /^POST \/tx\/.+\/commit$/.test(p))
    expect(begin).toBeGreaterThanOrEqual(0)
    expect(writes(paths).every((p) => paths.indexOf(p) > begin && paths.indexOf(p) < commit)).toBe(true)
  })

  it('changes nothing when the same payload arrives again: no duplicate record or relationship, no write call', async () => {
    const { t, paths } = recordingGateway()
    await t.query(IMPORT, { customers: [SEED] })
    const before = await snapshotGraph(t.backend.sdk)
    paths.length = 0
    const { body } = await t.query(IMPORT, { customers: [SEED] })
    expect(body.errors).toBeUndefined()
    expect(body.data.importCustomers.summary).toMatchObject({ created: 0, updated: 0, unchanged: 1, recordsCreated: 0, relationshipsCreated: 0 })
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
    expect(writes(paths)).toEqual([])
  })

  it('updates a changed payload in place: statuses by natural key, the account link moves', async () => {
    const { t } = recordingGateway()
    const keyed = {
      ...SEED,
      subscriptions: [{ subscriptionId: 'sub-1', plan: 'pro', status: 'active' }],
      tickets: [{ ticketId: 'tkt-1', status: 'open', sentiment: 'negative' }]
    }
    await t.query(IMPORT, { customers: [keyed] })
    const before = await snapshotGraph(t.backend.sdk)
    const changed = {
      ...keyed,
      account: { accountId: 'acc-2', name: 'Globex' },
      orders: [{ orderId: 'ord-501', totalUsd: 260 }],
      subscriptions: [{ subscriptionId: 'sub-1', status: 'cancelled' }],
      tickets: [{ ticketId: 'tkt-1', status: 'closed' }]
    }
    const { body } = await t.query(IMPORT, { customers: [changed] })
    expect(body.errors).toBeUndefined()
    expect(body.data.importCustomers.customers[0]).toMatchObject({
      account: { accountId: 'acc-2' },
      subscriptions: [{ status: 'cancelled' }],
      orders: [{ totalUsd: 260 }],
      tickets: [{ ticketId: 'tkt-1', status: 'closed', sentiment: 'negative' }]
    })
    expect(body.data.importCustomers.summary).toMatchObject({ updated: 1, recordsCreated: 1, recordsUpdated: 3, relationshipsCreated: 1, relationshipsRemoved: 1 })
    const after = await snapshotGraph(t.backend.sdk)
    // One more record (the new account), the same number of relationships (BELONGS_TO moved).
    expect(after.records.length).toBe(before.records.length + 1)
    expect(after.relationships.length).toBe(before.relationships.length)
    const { data } = await t.backend.sdk.records.find({ labels: ['SUPPORT_TICKET'] })
    expect(data.map((r) => r.data.status)).toEqual(['closed'])
  })

  it('creates a shared account once, whether named in one request or across requests', async () => {
    const { t } = recordingGateway()
    const account = { accountId: 'acc-9', name: 'Initech' }
    const { body } = await t.query(IMPORT, { customers: [{ customerId: 'c-1', account }, { customerId: 'c-2', account: { name: 'Initech', accountId: 'acc-9', region: 'EU' } }] })
    expect(body.errors).toBeUndefined()
    await t.query(IMPORT, { customers: [{ customerId: 'c-3', account: { accountId: 'acc-9' } }] })
    const accounts = await t.backend.sdk.records.find({ labels: ['ACCOUNT'] })
    expect(accounts.data.map((a) => a.data)).toMatchObject([{ accountId: 'acc-9', name: 'Initech', region: 'EU' }])
    expect((await edgeShapes(t.backend.sdk))['CUSTOMER -[BELONGS_TO]-> ACCOUNT']).toBe(3)
  })

  it('adopts a ticket the helpdesk export already linked with CREATED instead of duplicating it', async () => {
    const { t } = recordingGateway()
    const db = t.backend.sdk
    await t.query(IMPORT, { customers: [{ customerId: 'c-1' }] })
    const ticket = await db.records.create({ label: 'SUPPORT_TICKET', data: { ticketId: 'tkt-7', status: 'open' } })
    const customer = await db.records.findOne({ labels: ['CUSTOMER'], where: { customerId: 'c-1' } })
    await db.records.attach({ source: customer.data.__id, target: ticket.data.__id, options: { type: 'CREATED' } })
    const { body } = await t.query(IMPORT, { customers: [{ customerId: 'c-1', tickets: [{ ticketId: 'tkt-7', status: 'closed' }] }] })
    expect(body.errors).toBeUndefined()
    expect(body.data.importCustomers.customers[0].tickets).toEqual([{ ticketId: 'tkt-7', status: 'closed', sentiment: null }])
    expect((await db.records.find({ labels: ['SUPPORT_TICKET'] })).data).toHaveLength(1)
    expect(await edgeShapes(db)).toEqual({ 'CUSTOMER -[CREATED]-> SUPPORT_TICKET': 1 })
  })

  it('serialises concurrent imports of the same new customer into one record', async () => {
    const { t } = recordingGateway()
    const results = await Promise.all([1, 2, 3].map((n) => t.query(IMPORT, { customers: [{ ...SEED, plan: `plan-${n}` }] })))
    expect(results.every((r) => r.body.errors === undefined)).toBe(true)
    expect(results.map((r) => r.body.data.importCustomers.summary.created).sort()).toEqual([0, 0, 1])
    const customers = await t.backend.sdk.records.find({ labels: ['CUSTOMER'] })
    expect(customers.data).toHaveLength(1)
    expect((await t.backend.sdk.records.find({ labels: ['ORDER'] })).data).toHaveLength(1)
  })

  it('keeps extra properties of a new source readable through `properties`', async () => {
    const { t } = recordingGateway()
    const { body } = await t.query(
      `mutation($c: [CustomerInput!]!) { importCustomers(customers: $c) { customers { customerId properties } } }`,
      { c: [{ customerId: 'c-1', name: 'Ann', properties: { npsScore: 9, segments: ['beta', 'eu'] } }] }
    )
    expect(body.errors).toBeUndefined()
    // updatedAt is the gateway's change stamp (the payload did not set it).
    expect(body.data.importCustomers.customers[0].properties).toEqual({ customerId: 'c-1', name: 'Ann', npsScore: 9, segments: ['beta', 'eu'], updatedAt: expect.any(String) })
  })
})

describe("the seed tutorial's flow", () => {
  const TUTORIAL = `mutation($a: [AccountInput!]!) {
    importAccounts(accounts: $a) {
      accounts { name customers(orderBy: [{ customerId: ASC }]) { customerId } subscriptions { plan status invoices(orderBy: [{ month: ASC }]) { month status } } }
      summary { created updated unchanged recordsCreated relationshipsCreated }
    }
  }`
  const account = (march: string) => ({
    name: 'Acme Corp', plan: 'enterprise', region: 'EU', mrr: 1200, createdAt: '2024-01-15',
    customers: [
      { customerId: 'alice@acme.com', email: 'alice@acme.com', name: 'Alice', properties: { role: 'admin' } },
      { customerId: 'bob@acme.com', email: 'bob@acme.com', name: 'Bob', properties: { role: 'member' } }
    ],
    subscriptions: [{
      plan: 'enterprise', status: 'active', startedAt: '2024-01-15', renewsAt: '2026-01-15', seats: 25,
      invoices: [
        { month: '2025-01', amount: 1200, status: 'paid', paidAt: '2025-01-05' },
        { month: '2025-02', amount: 1200, status: 'paid', paidAt: '2025-02-05' },
        { month: '2025-03', amount: 1200, status: march, paidAt: null }
      ]
    }]
  })

  it('links users BELONGS_TO, subscriptions HAS_SUBSCRIPTION and invoices HAS_INVOICE, and updates invoices by subscription and month', async () => {
    const t = createTestGateway()
    const first = await t.query(TUTORIAL, { a: [account('overdue')] })
    expect(first.body.errors).toBeUndefined()
    expect(first.body.data.importAccounts.summary).toEqual({ created: 1, updated: 0, unchanged: 0, recordsCreated: 7, relationshipsCreated: 6 })
    expect(await edgeShapes(t.backend.sdk)).toEqual({
      'CUSTOMER -[BELONGS_TO]-> ACCOUNT': 2,
      'ACCOUNT -[HAS_SUBSCRIPTION]-> SUBSCRIPTION': 1,
      'SUBSCRIPTION -[HAS_INVOICE]-> INVOICE': 3
    })
    const overdue = `{ accounts(where: { plan: { eq: "enterprise" }, subscriptions: { some: { invoices: { some: { status: { eq: "overdue" } } } } } }) { name } }`
    expect((await t.query(overdue)).body.data.accounts).toEqual([{ name: 'Acme Corp' }])

    const before = await snapshotGraph(t.backend.sdk)
    const second = await t.query(TUTORIAL, { a: [account('paid')] })
    expect(second.body.data.importAccounts.summary).toMatchObject({ updated: 1, recordsCreated: 0, relationshipsCreated: 0 })
    expect(second.body.data.importAccounts.accounts[0].subscriptions[0].invoices.map((i: { status: string }) => i.status)).toEqual(['paid', 'paid', 'paid'])
    const after = await snapshotGraph(t.backend.sdk)
    expect(after.records.length).toBe(before.records.length)
    expect(after.relationships).toEqual(before.relationships)
    expect((await t.query(overdue)).body.data.accounts).toEqual([])
  })
})
