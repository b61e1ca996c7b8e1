import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remoteGateway, serveRaw, serveTestRemote, type TestRemote } from '../gateway/remote-server.js'
import type { TestGateway } from '../gateway/test-gateway.js'
import { loadSemanticFixture } from './semantic-fixture.js'

// The engine over HTTP stands in for a RushDB 2.x server: the gateway reaches /ai/* and
// /relationships/patterns with the remote configuration, through the same transport as the SDK.
let remote: TestRemote
let gateway: TestGateway

beforeAll(async () => {
  remote = await serveTestRemote()
  gateway = remoteGateway(remote.server.url)
  await loadSemanticFixture(gateway.backend.sdk)
})

afterAll(async () => {
  await remote.close()
})

describe('semantic features on a RushDB server (remote profile)', () => {
  it('describes the schema, builds an index and searches with a filter over HTTP', async () => {
    const md = await gateway.query('{ schemaMarkdown(labels: ["SUPPORT_TICKET"]) }')
    expect(md.body.data.schemaMarkdown).toContain('## `SUPPORT_TICKET` (6 records)')
    const created = await gateway.query('mutation { createEmbeddingIndex(label: "SUPPORT_TICKET", property: "body") { status total } }')
    expect(created.body.data.createEmbeddingIndex).toEqual({ status: 'BUILDING', total: 5 })
    await remote.engine.idle!()
    const { body } = await gateway.query('{ searchTickets(query: "charged twice refund", where: { customer: { some: { plan: { eq: "pro" } } } }, limit: 2) { ticket { ticketId customer { customerId } } } }')
    expect(body.errors).toBeUndefined()
    expect(body.data.searchTickets[0]).toEqual({ ticket: { ticketId: 'bill-1', customer: { customerId: 'c-pro' } } })
    expect(body.data.searchTickets.every((h: any) => h.ticket.customer.customerId === 'c-pro')).toBe(true)
  })

  it('says BACKEND_UNSUPPORTED when the server has no such endpoint (RushDB before 2.x)', async () => {
    const old = await serveRaw((req, res) => {
      if (req.url?.endsWith('/sdk/settings')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true,"data":{}}')
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ statusCode: 404, message: `Cannot ${req.method} ${req.url}`, error: 'Not Found' }))
    })
    try {
      const g = remoteGateway(old.url)
      const { body } = await g.query('{ schemaMarkdown }')
      expect(body.errors[0].extensions.code).toBe('BACKEND_UNSUPPORTED')
      expect(body.errors[0].message).toContain('POST /ai/schema/md')
    } finally {
      await old.close()
    }
  })
})
