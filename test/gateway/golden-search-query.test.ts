import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { createTestGateway } from './test-gateway.js'

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
