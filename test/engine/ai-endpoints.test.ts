import { afterAll, describe, expect, it } from 'vitest'
import { EmbeddingError, type Embedder } from '../../src/engine/ai/embedder.js'
import { HashedCharNgramEmbedder } from '../../src/engine/ai/hashed-char-ngram-embedder.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'

/** The built-in embedder, except that it refuses texts containing "REFUSED" (a provider failing on some input). */
class PickyEmbedder implements Embedder {
  private readonly inner = new HashedCharNgramEmbedder()
  readonly key = 'picky'
  readonly dimensions = this.inner.dimensions
  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.some((t) => t.includes('REFUSED'))) throw new EmbeddingError('refused')
    return this.inner.embed(texts)
  }
}

const engines: Engine[] = []
afterAll(() => engines.forEach((e) => e.close()))

function open(options: { token?: string; embedder?: Embedder } = {}) {
  const engine = createEngine({ path: ':memory:', ...options })
  engines.push(engine)
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await engine.handle({ method, path, headers: options.token ? { token: options.token, ...headers } : headers, body })
    return { status: res.status, body: res.body as any }
  }
  return { engine, call }
}

const TICKETS = [
  { ticketId: 'a', body: 'We were charged twice on the invoice' },
  { ticketId: 'b', body: 'Cannot log in after the password reset' }
]

describe('engine /ai endpoints', () => {
  it('need the token like every data route', async () => {
    const { call } = open({ token: 'secret' })
    expect((await call('GET', '/ai/indexes', undefined, { token: 'wrong' })).status).toBe(403)
    expect((await call('GET', '/ai/indexes')).status).toBe(200)
    expect((await call('GET', '/ai/nothing-here')).status).toBe(404)
  })

  it('validate index creation and search bodies with 400/404/409/422', async () => {
    const { call } = open()
    expect((await call('POST', '/ai/indexes', { label: 'T' })).status).toBe(400)
    expect((await call('POST', '/ai/indexes', { label: 'T', propertyName: 'body', sourceType: 'external' })).status).toBe(400)
    expect((await call('POST', '/ai/indexes', { label: 'T', propertyName: 'body', dimensions: 1536 })).body.message).toContain('384-dimensional')
    expect((await call('POST', '/ai/indexes', { label: 'T', propertyName: 'body' })).status).toBe(201)
    expect((await call('POST', '/ai/indexes', { label: 'T', propertyName: 'body' })).status).toBe(409)
    expect((await call('POST', '/ai/search', { labels: ['T'], propertyName: 'body', query: 'x', queryVector: [1] })).status).toBe(422)
    expect((await call('POST', '/ai/search', { labels: ['T'], propertyName: 'other', query: 'x' })).status).toBe(404)
    expect((await call('POST', '/ai/search', { labels: ['T'], propertyName: 'body', query: 'x', limit: 0 })).status).toBe(400)
    expect((await call('POST', '/ai/search', { labels: ['T'], propertyName: 'body', query: 'x', where: { $bogus: 1 } })).status).toBe(400)
    expect((await call('DELETE', '/ai/indexes/not-a-uuid')).status).toBe(400)
  })

  it('never ranks a vector of text the record no longer has', async () => {
    const { engine, call } = open({ embedder: new PickyEmbedder() })
    const created = await call('POST', '/records/import/json', { label: 'SUPPORT_TICKET', data: TICKETS, options: { suggestTypes: true, returnResult: true } })
    await call('POST', '/ai/indexes', { label: 'SUPPORT_TICKET', propertyName: 'body' })
    await engine.idle!()
    const a = created.body.data.find((r: any) => r.ticketId === 'a').__id
    const first = await call('POST', '/ai/search', { labels: ['SUPPORT_TICKET'], propertyName: 'body', query: 'charged twice invoice', limit: 2 })
    expect(first.body.data.map((r: any) => r.ticketId)).toEqual(['a', 'b'])
    // The new text cannot be embedded, so the old vector stays in the table; it must not count.
    expect((await call('PATCH', `/records/${a}`, { label: 'SUPPORT_TICKET', data: { body: 'REFUSED text about something else' } })).status).toBe(201)
    const after = await call('POST', '/ai/search', { labels: ['SUPPORT_TICKET'], propertyName: 'body', query: 'charged twice invoice', limit: 2 })
    expect(after.status).toBe(200)
    expect(after.body.data.map((r: any) => r.ticketId)).toEqual(['b'])
    const [index] = (await call('GET', '/ai/indexes')).body.data
    expect(index).toMatchObject({ status: 'failed', total: 2, indexed: 1, pending: 1, failed: 1, lastError: 'refused' })
  })

  it('embeds records created after the index is ready (new records reach the worker unlogged, by rid)', async () => {
    const { engine, call } = open()
    await call('POST', '/records/import/json', { label: 'SUPPORT_TICKET', data: TICKETS, options: { suggestTypes: true } })
    await call('POST', '/ai/indexes', { label: 'SUPPORT_TICKET', propertyName: 'body' })
    await engine.idle!()
    expect((await call('GET', '/ai/indexes')).body.data[0]).toMatchObject({ status: 'ready', total: 2, indexed: 2, pending: 0 })
    await call('POST', '/records/import/json', { label: 'SUPPORT_TICKET', data: [{ ticketId: 'c', body: 'Export to spreadsheet times out' }], options: { suggestTypes: true } })
    await engine.idle!()
    expect((await call('GET', '/ai/indexes')).body.data[0]).toMatchObject({ status: 'ready', total: 3, indexed: 3, pending: 0 })
    const found = await call('POST', '/ai/search', { labels: ['SUPPORT_TICKET'], propertyName: 'body', query: 'export spreadsheet', limit: 1 })
    expect(found.body.data.map((r: any) => r.ticketId)).toEqual(['c'])
  })

  it('drops vectors of deleted records and counts only current text', async () => {
    const { engine, call } = open()
    const created = await call('POST', '/records/import/json', { label: 'SUPPORT_TICKET', data: TICKETS, options: { suggestTypes: true, returnResult: true } })
    await call('POST', '/ai/indexes', { label: 'SUPPORT_TICKET', propertyName: 'body' })
    await engine.idle!()
    await call('DELETE', `/records/${created.body.data[0].__id}`)
    await engine.idle!()
    const [index] = (await call('GET', '/ai/indexes')).body.data
    expect(index).toMatchObject({ status: 'ready', total: 1, indexed: 1, pending: 0 })
    const rows = engine.db.prepare('SELECT COUNT(*) AS n FROM ai_vectors').get() as { n: number }
    expect(rows.n).toBe(1)
  })
})
