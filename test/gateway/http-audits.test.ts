import { serverAudits } from 'graphql-http'
import { describe, expect, it } from 'vitest'
import { createTestGateway } from './test-gateway.js'

const t = createTestGateway()
const audits = serverAudits({ url: 'http://gateway.test/graphql', fetchFn: (input: RequestInfo | URL, init?: RequestInit) => t.gateway.fetch(input as never, init ?? {}) })

describe('GraphQL over HTTP conformance (graphql-http serverAudits)', () => {
  it('runs every audit', () => {
    expect(audits.length).toBeGreaterThanOrEqual(60)
  })
  for (const audit of audits) {
    it(audit.name, async () => {
      const result = await audit.fn()
      // A failing audit says why (its reason and the response it got).
      const why = result.status === 'ok' ? '' : `${result.reason}: ${await result.response.text().catch(() => '')}`
      expect(result.status, why).toBe('ok')
    })
  }
})
