import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { loadFixtureGraph, type FixtureIds } from './fixture-graph.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

/** Records the body of every SDK call so the compiled SearchQuery can be reviewed as a snapshot. */
function recorder() {
  const bodies: Array<{ path: string; body: unknown }> = []
  const wrap = (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest(url, config) {
      if (!url.endsWith('/sdk/settings')) bodies.push({ path: url.replace(/^.*\/api\/v1/, ''), body: config.requestData })
      return inner.makeRequest(url, config)
    }
  })
  return { bodies, wrap }
}

const operation = (name: string) => readFileSync(new URL(`./operations/${name}.graphql`, import.meta.url), 'utf8')

const CASES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'churn risk (seeds)': { query: operation('churn-risk'), variables: { limit: 20 } },
  'three levels': { query: operation('three-levels'), variables: { limit: 20 } },
  'none / all quantifiers': { query: `{ customers(where: { tickets: { none: { status: { eq: "open" } } }, orders: { all: { totalUsd: { gte: 100 } } } }) { customerId } }` },
  'OR of NOT with datetime range': {
    query: `{ accounts(where: { OR: [{ NOT: { region: { in: ["EU", "NA"] } } }, { createdAt: { gte: "2025-01-01T00:00:00Z", lt: "2025-07-01T00:00:00Z" } }] }, orderBy: [{ mrr: DESC }], limit: 5, offset: 10) { name } }`
  },
  'keyset page after a cursor': {
    query: `query($after: String) { invoicesConnection(first: 10, after: $after, orderBy: [{ amount: DESC }]) { edges { cursor node { invoiceId } } } }`,
    variables: { after: Buffer.from(JSON.stringify([99, '0190a3c0-0000-7000-8000-000000000001'])).toString('base64url') }
  },
  'by natural key with nested lists and to-one': {
    query: `{ ticket(ticketId: "t-1") { subject customer { name account { name touchpoints(limit: 5, orderBy: [{ occurredAt: DESC }]) { channel } } } } }`
  }
}

describe('GraphQL in → SearchQuery out', () => {
  for (const [name, { query, variables }] of Object.entries(CASES)) {
    it(name, async () => {
      const rec = recorder()
      const t = createTestGateway({}, { wrapTransport: rec.wrap })
      const { body } = await t.query(query, variables)
      expect(body.errors).toBeUndefined()
      expect(rec.bodies).toHaveLength(1)
      expect(rec.bodies[0]).toMatchSnapshot()
    })
  }
})

const REMOTE_CASES: Record<string, { query: string; variables?: Record<string, unknown> }> = {
  'churn risk (seeds)': CASES['churn risk (seeds)'],
  'three levels': CASES['three levels'],
  'by natural key with nested lists and to-one': CASES['by natural key with nested lists and to-one'],
  'relation arguments and a connection page': {
    query: `{ account(accountId: "acc-1") { customers(where: { plan: { eq: "pro" } }, orderBy: [{ createdAt: DESC }], limit: 1, offset: 1) { name } } customersConnection(first: 2, orderBy: [{ plan: ASC }]) { totalCount nodes { name } } }`
  }
}

describe('GraphQL in → SearchQueries out, remote profile (one per root and relation level)', () => {
  let t: TestGateway
  let ids: FixtureIds
  const rec = recorder()
  beforeAll(async () => {
    const base = createTestGateway()
    ids = await loadFixtureGraph(base.backend.sdk)
    t = createTestGateway({ BACKEND_PROFILE: 'remote' }, { engine: base.backend.engine, wrapTransport: rec.wrap })
  })
  // Record ids change per run: name them by their natural key.
  const named = (value: unknown) => {
    let text = JSON.stringify(value)
    for (const [key, id] of Object.entries(ids)) text = text.split(id).join(`<${key}>`)
    return JSON.parse(text)
  }
  for (const [name, { query, variables }] of Object.entries(REMOTE_CASES)) {
    it(name, async () => {
      rec.bodies.length = 0
      const { body } = await t.query(query, variables)
      expect(body.errors).toBeUndefined()
      expect(rec.bodies).toHaveLength(body.extensions.rushdb.calls)
      expect(named(rec.bodies)).toMatchSnapshot()
    })
  }
})
