import { beforeAll, describe, expect, it } from 'vitest'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { snapshotGraph, type GraphSnapshot } from './graph-snapshot.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let t: TestGateway
let before: GraphSnapshot

beforeAll(async () => {
  t = createTestGateway()
  await loadFixtureGraph(t.backend.sdk)
  before = await snapshotGraph(t.backend.sdk)
})

const IMPORT = `mutation($c: [CustomerInput!]!) { importCustomers(customers: $c) { summary { created } } }`
const RECORDS = `mutation($label: String!, $r: [JSON!]!) { importRecords(label: $label, records: $r) { summary { created } } }`

/** Runs a write that must be rejected and checks the graph did not change. */
async function rejected(query: string, variables: Record<string, unknown>): Promise<{ status: number; error: any }> {
  const { status, body } = await t.query(query, variables)
  expect(body.errors?.length).toBeGreaterThan(0)
  expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  return { status, error: body.errors[0] }
}

describe('bad input: a clear error naming the path, and nothing written', () => {
  it('missing keys', async () => {
    const gql = await rejected(IMPORT, { c: [{ customerId: 'ok-1' }, { plan: 'pro' }] })
    expect(gql.status).toBe(400)
    expect(gql.error.message).toContain('"$c"')
    expect(gql.error.message).toContain('at "c[1]"; Field "customerId" of required type "String!" was not provided')
    const nested = await rejected(IMPORT, { c: [{ customerId: 'ok-1', account: { region: 'EU' } }] })
    expect(nested.error).toMatchObject({ message: 'customers[0].account: needs its accountId or name', extensions: { code: 'BAD_USER_INPUT', inputPath: 'customers[0].account' } })
    const json = await rejected(RECORDS, { label: 'CUSTOMER', r: [{ customerId: 'ok-2' }, { name: 'No Key' }] })
    expect(json.error.message).toBe('records[1]: needs its customerId')
  })

  it('wrong types', async () => {
    const gql = await rejected(IMPORT, { c: [{ customerId: 'ok-1', subscriptions: [{ seats: 'ten' }] }] })
    expect(gql.error.message).toContain('at "c[0].subscriptions[0].seats"; Int cannot represent non-integer value: "ten"')
    const json = await rejected(RECORDS, {
      label: 'CUSTOMER',
      r: [{ customerId: 'ok-3', email: 'not-an-email', SUBSCRIPTION: [{ seats: 2.5, mrr: '99' }], tags: ['a', 1] }]
    })
    expect(json.error.message).toBe('records[0].email: must be an e-mail address, got "not-an-email" (and 3 more problems)')
    expect(json.error.extensions.problems).toEqual([
      { path: 'records[0].email', message: 'must be an e-mail address, got "not-an-email"' },
      { path: 'records[0].tags', message: 'a list must hold one kind of value, but mixes string and number' },
      { path: 'records[0].SUBSCRIPTION[0].seats', message: 'must be a 32-bit integer, got 2.5' },
      { path: 'records[0].SUBSCRIPTION[0].mrr', message: 'must be a finite number, got "99"' }
    ])
    const props = await rejected(IMPORT, { c: [{ customerId: 'ok-1', plan: 'pro', properties: { plan: 'free', nested: { a: 1 } } }] })
    expect(props.error.extensions.problems.map((p: { path: string }) => p.path)).toEqual(['customers[0].properties.plan', 'customers[0].properties.nested'])
  })

  it('a customer id that does not exist', async () => {
    const ticket = await rejected(`mutation { importTickets(tickets: [{ ticketId: "t-50", customer: { customerId: "ghost" } }]) { summary { created } } }`, {})
    expect(ticket.error).toMatchObject({ message: 'tickets[0].customer: no Customer has customerId "ghost"', extensions: { code: 'NOT_FOUND' } })
    const flat = await rejected(RECORDS, { label: 'SUPPORT_TICKET', r: [{ ticketId: 't-51', customerId: 'cust-1' }, { ticketId: 't-52', customerId: 'ghost' }] })
    expect(flat.error.message).toBe('records[1].customerId: no Customer has customerId "ghost"')
  })

  it('a cyclic payload', async () => {
    const cycle = { customerId: 'loop-1', account: { accountId: 'acc-loop', customers: [{ customerId: 'loop-2' }, { customerId: 'loop-1', plan: 'pro' }] } }
    const { error } = await rejected(IMPORT, { c: [cycle] })
    expect(error.message).toBe('customers[0].account.customers[1]: is CUSTOMER customerId="loop-1" again, nested inside itself (a cycle); name it once')
  })

  it('a payload nested 50 levels deep', async () => {
    // Level 1 is a customer, 2 its account, 3 one of the account's customers, and so on to 50.
    let customer: Record<string, unknown> = { accountId: 'acc-deep-50' }
    for (let level = 49; level >= 1; level--) {
      customer = level % 2 === 1 ? { customerId: `deep-${level}`, account: customer } : { accountId: `acc-deep-${level}`, customers: [customer] }
    }
    const { error } = await rejected(IMPORT, { c: [customer] })
    expect(error.extensions.code).toBe('BAD_USER_INPUT')
    expect(error.message).toMatch(/^customers\[0\](\.account\.customers\[0\]){8}: is nested deeper than 16 levels; send deeper records in a separate write$/)
    let json: Record<string, unknown> = { leaf: true }
    for (let level = 0; level < 50; level++) json = { level, child: json }
    const generic = await rejected(RECORDS, { label: 'TREE', r: [json] })
    expect(generic.error.message).toBe(`records[0]${'.child'.repeat(16)}: is nested deeper than 16 levels; send deeper records in a separate write`)
  })

  it('a failure while writing rolls the whole mutation back', async () => {
    let failNext = false
    const wrap = (inner: SdkHttpClient): SdkHttpClient => ({
      async makeRequest(url, config) {
        if (failNext && url.includes('/relationships/')) {
          const error = new Error('500')
          throw error
        }
        return inner.makeRequest(url, config)
      }
    })
    const failing = createTestGateway({}, { wrapTransport: wrap })
    await loadFixtureGraph(failing.backend.sdk)
    const start = await snapshotGraph(failing.backend.sdk)
    failNext = true
    const { body } = await failing.query(IMPORT, { c: [{ customerId: 'cust-9', orders: [{ orderId: 'ord-9', totalUsd: 5 }], tickets: [{ ticketId: 't-9' }] }] })
    failNext = false
    expect(body.errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE')
    expect(await snapshotGraph(failing.backend.sdk)).toEqual(start)
  })
})

describe('request size', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    t.gateway.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit)

  it('answers a 100 MB request with 413 and a body, and writes nothing', async () => {
    const size = 100 * 1024 * 1024
    const declared = await post('{}', { 'content-length': String(size) })
    expect(declared.status).toBe(413)
    const payload = await declared.json()
    expect(payload.errors[0].extensions).toEqual({ code: 'PAYLOAD_TOO_LARGE', maxBytes: 16 * 1024 * 1024 })
    expect(payload.errors[0].message).toContain('MAX_BODY_BYTES')

    // Without Content-Length (chunked): refused once the limit is passed, without reading the rest.
    let sent = 0
    const chunk = new TextEncoder().encode(`{"query":"mutation { importCustomers(customers: [${'{customerId: \\"x\\"},'.repeat(40_000)}`)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= size) controller.close()
        else {
          controller.enqueue(chunk)
          sent += chunk.byteLength
        }
      }
    })
    const chunked = await post(stream)
    expect(chunked.status).toBe(413)
    expect(sent).toBeLessThan(size / 4)
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  })

  it('lets a request under the limit through, and the limit is configurable', async () => {
    const small = createTestGateway({ MAX_BODY_BYTES: '2048' })
    const ok = await small.query('{ customers(limit: 1) { customerId } }')
    expect(ok.status).toBe(200)
    const big = await small.query(IMPORT, { c: Array.from({ length: 100 }, (_, i) => ({ customerId: `c-${i}` })) })
    expect(big.status).toBe(413)
    expect(big.body.errors[0].extensions.maxBytes).toBe(2048)
  })

  it('honours a limit above 25 MB: no other limit sits under MAX_BODY_BYTES', async () => {
    const large = createTestGateway({ MAX_BODY_BYTES: String(40 * 1024 * 1024) })
    const body = JSON.stringify({ query: '{ customers(limit: 1) { customerId } }', variables: { padding: 'x'.repeat(30 * 1024 * 1024) } })
    const res = await large.gateway.fetch('http://gateway.test/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(res.status).toBe(200)
    expect((await res.json()).errors).toBeUndefined()
  })
})
