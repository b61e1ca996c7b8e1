import { beforeAll, describe, expect, it } from 'vitest'
import { createTestGateway, type TestGateway } from '../gateway/test-gateway.js'
import { loadSemanticFixture } from './semantic-fixture.js'

let t: TestGateway
let indexId: string

const INDEX_FIELDS = 'id label property model dimensions similarity status total indexed pending failed lastError'

beforeAll(async () => {
  t = createTestGateway()
  await loadSemanticFixture(t.backend.sdk)
})

async function search(args: string, selection = 'score ticket { ticketId status customer { customerId plan } }') {
  return t.query(`{ searchTickets(${args}) { ${selection} } }`)
}

describe('managed embedding indexes', () => {
  it('creates an index that starts building with the work ahead, then back-fills every record with text', async () => {
    const { body } = await t.query(`mutation { createEmbeddingIndex(label: "SUPPORT_TICKET", property: "body") { ${INDEX_FIELDS} } }`)
    expect(body.errors).toBeUndefined()
    const created = body.data.createEmbeddingIndex
    indexId = created.id
    expect(created).toMatchObject({ label: 'SUPPORT_TICKET', property: 'body', model: 'hashed-char-ngram-384', dimensions: 384, similarity: 'cosine' })
    // Five tickets have a body; the sixth has none and is not counted.
    expect(created).toMatchObject({ status: 'BUILDING', total: 5, indexed: 0, pending: 5, failed: 0, lastError: null })
    await t.backend.engine!.idle!()
    const listed = await t.query(`{ embeddingIndexes { ${INDEX_FIELDS} } embeddingIndex(id: "${indexId}") { status indexed } }`)
    expect(listed.body.data.embeddingIndexes).toEqual([{ ...created, status: 'READY', indexed: 5, pending: 0 }])
    expect(listed.body.data.embeddingIndex).toEqual({ status: 'READY', indexed: 5 })
  })

  it('shows the index in the schema description', async () => {
    const { body } = await t.query('{ schemaMarkdown(labels: ["SUPPORT_TICKET"]) }')
    expect(body.data.schemaMarkdown).toMatch(/\| `body` \| string \| .* \| `managed` cosine 384d \[ready\] \|/)
  })

  it('refuses a second index on the same property, and bad names, with stable codes', async () => {
    const dup = await t.query('mutation { createEmbeddingIndex(label: "SUPPORT_TICKET", property: "body") { id } }')
    expect(dup.body.errors[0].extensions.code).toBe('CONFLICT')
    expect(dup.body.errors[0].message).toContain('SUPPORT_TICKET.body already exists')
    const bad = await t.query('mutation { createEmbeddingIndex(label: "SUPPORT_TICKET", property: "__id") { id } }')
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(bad.body.errors[0].message).toMatch(/^property: /)
    expect(bad.body.extensions.rushdb.calls).toBe(0)
  })
})

describe('searchTickets', () => {
  it('ranks tickets by meaning of the body, best first, as typed records with their relations', async () => {
    const { body } = await search('query: "charged twice on the invoice, need a refund", limit: 3')
    expect(body.errors).toBeUndefined()
    const hits = body.data.searchTickets
    expect(hits.map((h: any) => h.ticket.ticketId).slice(0, 2)).toEqual(['bill-1', 'bill-2'])
    expect(hits).toHaveLength(3)
    const scores = hits.map((h: any) => h.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    expect(scores[0]).toBeGreaterThan(0.3)
    expect(scores[0]).toBeLessThanOrEqual(1)
    expect(hits[0].ticket.customer).toEqual({ customerId: 'c-pro', plan: 'pro' })
    // The ranked page in one call, the customers of every hit in one more.
    expect(body.extensions.rushdb.calls).toBe(2)
  })

  it('applies the exact where filter before ranking, related records included', async () => {
    const open = await search('query: "invoice billing charge", where: { status: { eq: "open" }, sentiment: { eq: "negative" } }, limit: 10')
    expect(open.body.data.searchTickets.map((h: any) => h.ticket.ticketId).sort()).toEqual(['bill-1', 'login-1'])
    expect(open.body.data.searchTickets[0].ticket.ticketId).toBe('bill-1')
    const starter = await search('query: "invoice", where: { customer: { some: { plan: { eq: "starter" } } } }, limit: 10')
    expect(starter.body.data.searchTickets.map((h: any) => h.ticket.ticketId)).toEqual(['bill-2', 'perf-1'])
    const none = await search('query: "invoice", where: { status: { eq: "no-such-status" } }')
    expect(none.body.data.searchTickets).toEqual([])
  })

  it('pages with limit and offset', async () => {
    const all = await search('query: "users cannot load the export", limit: 5', 'ticket { ticketId }')
    const ids = all.body.data.searchTickets.map((h: any) => h.ticket.ticketId)
    expect(ids).toHaveLength(5)
    const page = await search('query: "users cannot load the export", limit: 2, offset: 2', 'ticket { ticketId }')
    expect(page.body.data.searchTickets.map((h: any) => h.ticket.ticketId)).toEqual(ids.slice(2, 4))
  })

  it('finds tickets written after the index was built, and follows changed text', async () => {
    const write = await t.query(`mutation { importCustomers(customers: [{ customerId: "c-pro", tickets: [{ ticketId: "sso-1", status: "open", body: "Locked out after switching the SSO identity provider" }] }]) { summary { created } } }`)
    expect(write.body.errors).toBeUndefined()
    const found = await search('query: "SSO identity provider locked out", limit: 1', 'ticket { ticketId }')
    expect(found.body.data.searchTickets).toEqual([{ ticket: { ticketId: 'sso-1' } }])
    await t.query(`mutation { importCustomers(customers: [{ customerId: "c-pro", tickets: [{ ticketId: "sso-1", body: "Webhook deliveries to our endpoint fail" }] }]) { summary { updated } } }`)
    const moved = await search('query: "webhook deliveries failing", limit: 1', 'ticket { ticketId body }')
    expect(moved.body.data.searchTickets).toEqual([{ ticket: { ticketId: 'sso-1', body: 'Webhook deliveries to our endpoint fail' } }])
    await t.backend.engine!.idle!()
    const state = await t.query(`{ embeddingIndex(id: "${indexId}") { status total indexed pending } }`)
    expect(state.body.data.embeddingIndex).toEqual({ status: 'READY', total: 6, indexed: 6, pending: 0 })
  })

  it('answers bad arguments with BAD_USER_INPUT before any RushDB call', async () => {
    for (const args of ['query: "   "', 'query: "x", limit: 0', 'query: "x", limit: 1000', 'query: "x", offset: -1', 'query: "x", property: "$bad"']) {
      const { body } = await search(args, 'score')
      expect(body.errors[0].extensions.code, args).toBe('BAD_USER_INPUT')
      expect(body.extensions.rushdb.calls, args).toBe(0)
    }
  })

  it('says NOT_FOUND when the property has no index', async () => {
    const { body } = await search('query: "anything", property: "subject"', 'score')
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND')
    expect(body.errors[0].message).toContain('No embedding index on SUPPORT_TICKET.subject')
  })
})

describe('searchEvents', () => {
  it('searches EVENT.description once it has an index', async () => {
    const missing = await t.query('{ searchEvents(query: "payment") { score } }')
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND')
    const created = await t.query('mutation { createEmbeddingIndex(label: "EVENT", property: "description") { status total } }')
    expect(created.body.data.createEmbeddingIndex).toEqual({ status: 'BUILDING', total: 2 })
    const { body } = await t.query('{ searchEvents(query: "payment declined on renewal", limit: 1) { score event { eventId type customer { customerId } } } }')
    expect(body.errors).toBeUndefined()
    expect(body.data.searchEvents[0].event).toEqual({ eventId: 'e-1', type: 'error', customer: { customerId: 'c-pro' } })
  })
})

describe('dropping an index', () => {
  it('drops it with its vectors; searching it is NOT_FOUND afterwards', async () => {
    const bad = await t.query('mutation { dropEmbeddingIndex(id: "nope") { dropped } }')
    expect(bad.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    const unknown = await t.query('mutation { dropEmbeddingIndex(id: "01900000-0000-7000-8000-000000000000") { dropped } }')
    expect(unknown.body.errors[0].extensions.code).toBe('NOT_FOUND')
    const { body } = await t.query(`mutation { dropEmbeddingIndex(id: "${indexId}") { id dropped } }`)
    expect(body.data.dropEmbeddingIndex).toEqual({ id: indexId, dropped: true })
    const after = await search('query: "invoice"', 'score')
    expect(after.body.errors[0].extensions.code).toBe('NOT_FOUND')
    const vectors = t.backend.engine!.db.prepare('SELECT COUNT(*) AS n FROM ai_vectors WHERE index_id = ?').get(indexId) as { n: number }
    expect(vectors.n).toBe(0)
  })
})
