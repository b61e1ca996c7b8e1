import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { createTestGateway, type TestGateway } from '../gateway/test-gateway.js'
import { FakeEmbeddingServer } from './fake-embedding-server.js'
import { loadSemanticFixture } from './semantic-fixture.js'

let fake: FakeEmbeddingServer
let t: TestGateway

beforeAll(async () => {
  fake = new FakeEmbeddingServer()
  await fake.start()
  t = createTestGateway({ EMBEDDING_URL: fake.url, EMBEDDING_MODEL: 'test-embed', EMBEDDING_API_KEY: 'sk-test', EMBEDDING_DIMENSIONS: '8' })
  await loadSemanticFixture(t.backend.sdk)
})

afterAll(async () => {
  await fake.stop()
})

const STATE = 'status model dimensions total indexed pending failed lastError'

describe('an OpenAI-compatible embedding provider', () => {
  it('back-fills through POST /embeddings with the model and key, progress visible while it waits', async () => {
    fake.hold()
    const { body } = await t.query(`mutation { createEmbeddingIndex(label: "SUPPORT_TICKET", property: "body") { id ${STATE} } }`)
    expect(body.data.createEmbeddingIndex).toMatchObject({ status: 'BUILDING', model: 'openai:test-embed', dimensions: 8, total: 5, indexed: 0, pending: 5 })
    // The provider has the batch but has not answered: still building, nothing indexed.
    const waiting = await t.query(`{ embeddingIndexes { ${STATE} } }`)
    expect(waiting.body.data.embeddingIndexes[0]).toMatchObject({ status: 'BUILDING', indexed: 0, pending: 5 })
    fake.release()
    await t.backend.engine!.idle!()
    const ready = await t.query(`{ embeddingIndexes { ${STATE} } }`)
    expect(ready.body.data.embeddingIndexes[0]).toMatchObject({ status: 'READY', indexed: 5, pending: 0, failed: 0, lastError: null })
    const call = fake.requests[0]
    expect(call.authorization).toBe('Bearer sk-test')
    expect(call.model).toBe('test-embed')
    expect(call.input).toHaveLength(5)
  })

  it('embeds the query with the same provider and ranks with its vectors', async () => {
    const before = fake.requests.length
    const { body } = await t.query('{ searchTickets(query: "The CSV export downloads an empty file with no columns.", limit: 1) { score ticket { ticketId } } }')
    expect(body.errors).toBeUndefined()
    expect(body.data.searchTickets[0].ticket.ticketId).toBe('export-1')
    expect(body.data.searchTickets[0].score).toBeCloseTo(1, 5)
    expect(fake.requests.slice(before).map((r) => r.input)).toEqual([['The CSV export downloads an empty file with no columns.']])
  })

  it('marks the index FAILED with the cause when the provider fails, and recovers when it answers again', async () => {
    fake.mode = 'fail'
    await t.query('mutation { importCustomers(customers: [{ customerId: "c-pro", tickets: [{ ticketId: "new-1", body: "Webhooks are failing" }] }]) { summary { created } } }')
    const search = await t.query('{ searchTickets(query: "webhooks") { score } }')
    expect(search.body.errors[0].extensions.code).toBe('EMBEDDING_PROVIDER_FAILED')
    expect(search.body.errors[0].message).toContain('HTTP 500')
    const failed = await t.query(`{ embeddingIndexes { ${STATE} } }`)
    expect(failed.body.data.embeddingIndexes[0]).toMatchObject({ status: 'FAILED', total: 6, indexed: 5, pending: 1, failed: 1 })
    expect(failed.body.data.embeddingIndexes[0].lastError).toMatch(/HTTP 500: \{"error":"model overloaded"\}/)
    fake.mode = 'ok'
    const again = await t.query('{ searchTickets(query: "Webhooks are failing", limit: 1) { ticket { ticketId } } }')
    expect(again.body.data.searchTickets).toEqual([{ ticket: { ticketId: 'new-1' } }])
    const ready = await t.query(`{ embeddingIndexes { ${STATE} } }`)
    expect(ready.body.data.embeddingIndexes[0]).toMatchObject({ status: 'READY', indexed: 6, pending: 0, failed: 0, lastError: null })
  })

  it('refuses vectors of the wrong size, naming EMBEDDING_DIMENSIONS', async () => {
    fake.mode = 'wrong-size'
    const { body } = await t.query('{ searchTickets(query: "anything") { score } }')
    expect(body.errors[0].extensions.code).toBe('EMBEDDING_PROVIDER_FAILED')
    expect(body.errors[0].message).toContain('EMBEDDING_DIMENSIONS')
    fake.mode = 'ok'
  })

  it('reports an unreachable provider as a provider failure, not a crash', async () => {
    const down = createTestGateway({ EMBEDDING_URL: 'http://127.0.0.1:9/v1', EMBEDDING_MODEL: 'm', EMBEDDING_DIMENSIONS: '8' })
    await loadSemanticFixture(down.backend.sdk)
    const created = await down.query('mutation { createEmbeddingIndex(label: "SUPPORT_TICKET", property: "body") { status } }')
    expect(created.body.data.createEmbeddingIndex.status).toBe('BUILDING')
    await down.backend.engine!.idle!()
    const state = await down.query('{ embeddingIndexes { status pending lastError } }')
    expect(state.body.data.embeddingIndexes[0]).toMatchObject({ status: 'FAILED', pending: 5 })
    expect(state.body.data.embeddingIndexes[0].lastError).toContain('did not answer')
  })

  it('checks the provider configuration at start-up, naming the variable', () => {
    expect(() => loadConfig({ EMBEDDING_URL: 'not a url' })).toThrow(/EMBEDDING_URL/)
    expect(() => loadConfig({ EMBEDDING_URL: 'http://x/v1', EMBEDDING_DIMENSIONS: '8' })).toThrow(/EMBEDDING_MODEL/)
    expect(() => loadConfig({ EMBEDDING_URL: 'http://x/v1', EMBEDDING_MODEL: 'm' })).toThrow(/EMBEDDING_DIMENSIONS/)
  })
})
