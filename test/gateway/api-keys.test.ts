import { buildSchema, parse } from 'graphql'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { ApiKeyStore, formatApiKeyEntry, hashApiKey, parseApiKeys } from '../../src/security/api-keys.js'
import { requiredScopes } from '../../src/security/required-scopes.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { bearer, createProductionGateway, KEYS, keyedEnv, type ProductionGateway } from './production-gateway.js'

let t: ProductionGateway
const CUSTOMERS = { query: '{ customers(orderBy: [{ customerId: ASC }], limit: 2) { customerId } }' }

beforeAll(async () => {
  t = await createProductionGateway(keyedEnv)
  await loadFixtureGraph(t.backend.sdk)
})

describe('API keys', () => {
  it('refuses a missing key with 401, a message naming the header and scope, and no RushDB call', async () => {
    const before = t.storageCalls()
    const res = await t.post(CUSTOMERS)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toContain('Bearer')
    expect(res.body.errors[0].extensions.code).toBe('UNAUTHENTICATED')
    expect(res.body.errors[0].message).toContain('Authorization: Bearer <key>')
    expect(res.body.errors[0].message).toContain('read scope')
    expect(res.body.extensions.rushdb.calls).toBe(0)
    expect(res.body.data).toBeUndefined()
    expect(t.storageCalls()).toBe(before)
  })

  it('refuses an unknown key with 401', async () => {
    const res = await t.post(CUSTOMERS, bearer(KEYS.none))
    expect(res.status).toBe(401)
    expect(res.body.errors[0].message).toContain('not valid')
  })

  it('serves a read key, by Bearer header or x-api-key', async () => {
    for (const headers of [bearer(KEYS.reader), { 'x-api-key': KEYS.reader }]) {
      const res = await t.post(CUSTOMERS, headers)
      expect(res.status).toBe(200)
      expect(res.body.data.customers).toEqual([{ customerId: 'cust-1' }, { customerId: 'cust-2' }])
      expect(res.body.extensions.rushdb.calls).toBe(1)
    }
  })

  it('allows introspection to a read key and refuses it without a key', async () => {
    const introspection = { query: '{ __schema { queryType { name } } }' }
    expect((await t.post(introspection, bearer(KEYS.reader))).body.data.__schema.queryType.name).toBe('Query')
    expect((await t.post(introspection)).status).toBe(401)
  })

  it('refuses a mutation to a key without write with 403 naming the scope, before execution', async () => {
    const before = t.storageCalls()
    const res = await t.post({ query: 'mutation { __typename }' }, bearer(KEYS.reader))
    expect(res.status).toBe(403)
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN')
    expect(res.body.errors[0].message).toContain('"write" scope')
    expect(res.body.errors[0].message).toContain('the key "reader" has read')
    expect(res.body.extensions.rushdb.calls).toBe(0)
    expect(t.storageCalls()).toBe(before)
  })

  it('lets a write key past the scope check for mutations', async () => {
    const res = await t.post({ query: 'mutation { __typename }' }, bearer(KEYS.writer))
    expect(res.body.errors?.[0]?.extensions.code).not.toBe('FORBIDDEN')
    expect(res.status).not.toBe(403)
  })

  it('protects /metrics with the admin scope', async () => {
    const get = (headers: Record<string, string> = {}) => t.gateway.fetch('http://gateway.test/metrics', { headers })
    expect((await get()).status).toBe(401)
    const forbidden = await get(bearer(KEYS.reader))
    expect(forbidden.status).toBe(403)
    expect(((await forbidden.json()) as any).errors[0].message).toContain('"admin" scope')
    const ok = await get(bearer(KEYS.admin))
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('graphql_requests_total')
  })

  it('keeps /health and /ready open for load balancers', async () => {
    expect((await t.gateway.fetch('http://gateway.test/health')).status).toBe(200)
    expect((await t.gateway.fetch('http://gateway.test/ready')).status).toBe(200)
  })
})

describe('scopes are declarative', () => {
  const schema = buildSchema(`
    type Query { customers: [Customer] stats: Stats }
    type Mutation { createCustomer(name: String): Customer }
    type Customer { name: String auditTrail: String }
    type Stats { storageBytes: Int }
  `)
  // What Pothos writes for `extensions: { scope: 'admin' }` on a field or a type.
  ;(schema.getType('Customer') as any).getFields().auditTrail.extensions = { scope: 'admin' }
  ;(schema.getType('Stats') as any).extensions = { scope: 'admin' }
  const needs = (doc: string, op?: string) => Object.fromEntries(requiredScopes(schema, parse(doc), op))

  it('asks read for queries and write for any mutation, present or future', () => {
    expect(needs('{ customers { name } }')).toEqual({ read: ['query operations'] })
    expect(needs('mutation { createCustomer(name: "x") { name } }')).toEqual({ write: ['mutation operations'] })
  })

  it('adds admin for fields and types marked scope: admin, through fragments', () => {
    expect(needs('{ customers { ...F } } fragment F on Customer { auditTrail }')).toEqual({ read: ['query operations'], admin: ['Customer.auditTrail'] })
    expect(needs('{ stats { storageBytes } }')).toEqual({ read: ['query operations'], admin: ['Stats'] })
  })

  it('looks only at the operation that runs', () => {
    const doc = 'query A { customers { name } } mutation B { createCustomer { name } }'
    expect(needs(doc, 'A')).toEqual({ read: ['query operations'] })
    expect(needs(doc, 'B')).toEqual({ write: ['mutation operations'] })
  })
})

describe('key configuration', () => {
  it('parses name:scopes:sha256 entries and finds keys by hash only', () => {
    const entries = parseApiKeys(`# BI\nbi:read:${hashApiKey('k1')}\n; etl:read,write:${hashApiKey('k2')}`)
    expect(entries.map(formatApiKeyEntry)).toEqual([`bi:read:${hashApiKey('k1')}`, `etl:read+write:${hashApiKey('k2')}`])
    const store = new ApiKeyStore(entries)
    const auth = store.authenticate(new Headers({ authorization: 'Bearer k2' }))
    expect(auth.ok && [...auth.identity.scopes]).toEqual(['read', 'write'])
  })

  it('names the mistake in a bad entry', () => {
    expect(() => parseApiKeys('bi:read:my-plain-key')).toThrow(/SHA-256 in hex/)
    expect(() => parseApiKeys(`bi:superuser:${hashApiKey('x')}`)).toThrow(/unknown scope "superuser"/)
    expect(() => parseApiKeys(`bi:${hashApiKey('x')}`)).toThrow(/name:scopes:sha256/)
  })

  it('refuses open mode under NODE_ENV=production unless explicitly allowed', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/no API keys are configured/)
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_OPEN_ACCESS: 'true' }).production.apiKeys).toEqual([])
    expect(loadConfig({ NODE_ENV: 'production', ...keyedEnv }).production.apiKeys).toHaveLength(3)
  })

  it('serves everything in open local-development mode', async () => {
    const open = await createProductionGateway()
    const res = await open.post({ query: '{ customers { customerId } }' })
    expect(res.status).toBe(200)
    expect((await open.gateway.fetch('http://gateway.test/metrics')).status).toBe(200)
  })
})
