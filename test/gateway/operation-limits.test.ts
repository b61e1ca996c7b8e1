import { beforeAll, describe, expect, it } from 'vitest'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { TokenBucketStore } from '../../src/security/token-bucket.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { bearer, createProductionGateway, KEYS, keyedEnv, type ProductionGateway } from './production-gateway.js'

let t: ProductionGateway

beforeAll(async () => {
  t = await createProductionGateway({ MAX_DEPTH: '4', MAX_ALIASES: '3', MAX_COST: '2000', MAX_TOKENS: '400' })
  await loadFixtureGraph(t.backend.sdk)
})

/** Posts and checks the refusal: status, code, that the message names the limit, and zero RushDB calls. */
async function refused(body: unknown, code: string, status = 400) {
  const before = t.storageCalls()
  const res = await t.post(body)
  expect(res.status).toBe(status)
  expect(res.body.errors).toHaveLength(1)
  expect(res.body.errors[0].extensions.code).toBe(code)
  expect(res.body.data ?? null).toBeNull()
  expect(res.body.extensions.rushdb.calls).toBe(0)
  expect(t.storageCalls()).toBe(before)
  return res.body.errors[0].message as string
}

describe('operation limits refuse abusive operations before they reach RushDB', () => {
  it('refuses nesting deeper than MAX_DEPTH, counting through fragments', async () => {
    const message = await refused(
      { query: '{ customers { ...C } } fragment C on Customer { subscriptions { invoices { subscription { customer { customerId } } } } }' },
      'QUERY_TOO_DEEP'
    )
    expect(message).toContain('nested 6 levels deep; the limit is 4')
    expect(message).toContain('MAX_DEPTH')
  })

  it('does not count introspection nesting as depth', async () => {
    const res = await t.post({ query: '{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }' })
    expect(res.status).toBe(200)
    expect(res.body.data.__schema.types.length).toBeGreaterThan(10)
  })

  it('refuses more aliases than MAX_ALIASES, counting each fragment spread', async () => {
    const message = await refused({ query: '{ ...A ...A } fragment A on Query { a: customers(limit: 1) { customerId } b: customers(limit: 1) { customerId } }' }, 'TOO_MANY_ALIASES')
    expect(message).toContain('4 aliases; the limit is 3')
    expect(message).toContain('where filter')
  })

  it('refuses a cost over MAX_COST, counting list sizes from arguments, variables and defaults', async () => {
    // 20 customers (root default) × (1 + 100 nested subscriptions × 1) = 2020 objects.
    const message = await refused({ query: '{ customers { subscriptions { status } } }' }, 'QUERY_TOO_COMPLEX')
    expect(message).toContain('up to 2020 objects; the limit is 2000')
    expect(message).toContain('limit/first/last')
    // The same shape with explicit page sizes fits: 10 × (1 + 5) = 60.
    const ok = await t.post({ query: 'query($n: Int) { customers(limit: $n) { subscriptions(limit: 5) { status } } }', variables: { n: 10 } })
    expect(ok.status).toBe(200)
    expect(ok.body.errors).toBeUndefined()
    // A variable page size is counted: 100 × (1 + 100) = 10100.
    const big = await t.post({ query: 'query($n: Int) { customers(limit: $n) { subscriptions { status } } }', variables: { n: 100 } })
    expect(big.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX')
    // Connections count first/last on the connection field.
    const conn = await t.post({ query: '{ customersConnection(first: 100) { nodes { subscriptions { status } } } }' })
    expect(conn.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX')
    // Group-by fields count their own sizes: the page maximum by default, up to 1000 groups when asked.
    const groups = (n?: number) => `{ invoicesGroupBy(by: [{ field: status }]${n ? `, limit: ${n}` : ''}) { key { status } count sum { amount } } }`
    const byDefault = await t.post({ query: groups() })
    expect(byDefault.body.errors).toBeUndefined()
    expect(await refused({ query: groups(1000) }, 'QUERY_TOO_COMPLEX')).toContain('up to 3000 objects')
  })

  it('refuses documents over MAX_TOKENS while parsing', async () => {
    const fields = Array.from({ length: 500 }, () => 'customerId').join(' ')
    const message = await refused({ query: `{ customers { ${fields} } }` }, 'QUERY_TOO_LARGE')
    expect(message).toContain('more than 400 tokens')
  })

  it('leaves page sizes over PAGE_SIZE_MAX to the resolvers’ clear error, still without a RushDB call', async () => {
    const res = await t.post({ query: '{ customers(limit: 1000000) { customerId } }' })
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(res.body.errors[0].message).toBe('limit must be between 1 and 100, got 1000000')
    expect(res.body.extensions.rushdb.calls).toBe(0)
  })
})

describe('execution timeout', () => {
  it('answers TIMEOUT with 504 and starts no RushDB call after the deadline', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const slow = (inner: SdkHttpClient): SdkHttpClient => ({
      makeRequest: async (url, config) => {
        if (url.includes('/records/search')) await gate
        return inner.makeRequest(url, config)
      }
    })
    const g = await createProductionGateway({ EXECUTION_TIMEOUT_MS: '50', FOLD_RELATIONS: 'false' }, { wrapTransport: slow })
    await loadFixtureGraph(g.backend.sdk)
    const res = await g.post({ query: '{ customers { customerId subscriptions { status } } }' })
    expect(res.status).toBe(504)
    expect(res.body.errors[0].extensions.code).toBe('TIMEOUT')
    expect(res.body.errors[0].message).toContain('did not finish within 50 ms')
    expect(res.body.errors[0].message).toContain('EXECUTION_TIMEOUT_MS')
    const atDeadline = g.storageCalls()
    release()
    await new Promise((resolve) => setTimeout(resolve, 100))
    // The root query was in flight; the nested level (a second call when folding is off) never started.
    expect(g.storageCalls()).toBe(atDeadline)
  })
})

describe('rate limit per key', () => {
  it('answers 429 with Retry-After once a key has used its burst, and keeps other keys going', async () => {
    let now = 1_000_000
    const g = await createProductionGateway({ ...keyedEnv, RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '2' }, { now: () => now, rateLimitStore: new TokenBucketStore(60, 2) })
    const q = { query: '{ customers(limit: 1) { customerId } }' }
    expect((await g.post(q, bearer(KEYS.reader))).status).toBe(200)
    expect((await g.post(q, bearer(KEYS.reader))).status).toBe(200)
    const before = g.storageCalls()
    const limited = await g.post(q, bearer(KEYS.reader))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED')
    expect(limited.body.errors[0].message).toContain('60 requests per minute')
    expect(limited.body.extensions.rushdb.calls).toBe(0)
    expect(g.storageCalls()).toBe(before)
    expect((await g.post(q, bearer(KEYS.writer))).status).toBe(200)
    now += 1000 // one token refilled
    expect((await g.post(q, bearer(KEYS.reader))).status).toBe(200)
  })

  it('counts exports against the same key: a download past the limit is a 429 and reads nothing', async () => {
    let now = 1_000_000
    const g = await createProductionGateway({ ...keyedEnv, RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '2' }, { now: () => now, rateLimitStore: new TokenBucketStore(60, 2) })
    const download = () => g.gateway.fetch('http://gateway.test/export/customers?format=ndjson', { headers: bearer(KEYS.reader) })
    expect((await g.post({ query: '{ customers(limit: 1) { customerId } }' }, bearer(KEYS.reader))).status).toBe(200)
    const first = await download()
    expect(first.status).toBe(200)
    await first.text()
    const before = g.storageCalls()
    const limited = await download()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('1')
    const body = await limited.json()
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED')
    expect(body.errors[0].message).toContain(`key "reader"`)
    expect(g.storageCalls()).toBe(before)
    // The GraphQL endpoint shares the bucket the export emptied.
    expect((await g.post({ query: '{ __typename }' }, bearer(KEYS.reader))).status).toBe(429)
    now += 1000
    expect((await download()).status).toBe(200)
  })

  it('counts per client address in open mode', async () => {
    const g = await createProductionGateway({ RATE_LIMIT_PER_MINUTE: '60', RATE_LIMIT_BURST: '1' })
    expect((await g.post({ query: '{ __typename }' })).status).toBe(200)
    const limited = await g.post({ query: '{ __typename }' })
    expect(limited.status).toBe(429)
    expect(limited.body.errors[0].message).toContain('for client local')
  })
})
