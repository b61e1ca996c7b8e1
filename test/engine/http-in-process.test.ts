import RushDB from '@rushdb/javascript-sdk'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'

describe('createInProcessClient', () => {
  it('serves the SDK with no token configured (open engine), whatever key it sends', async () => {
    const engine = createEngine({ path: ':memory:' })
    const db = new RushDB('any-token', { httpClient: createInProcessClient(engine), url: 'http://embedded.local' })
    await db.waitForInitialization()
    const rec = await db.records.create({ label: 'A', data: { n: 1 } })
    const found = await db.records.find({ labels: ['A'] })
    expect(found.data.map((r) => r.data)).toEqual([rec.data])
    engine.close()
  })

  it('mimics the wire: undefined dropped, dates stringified, responses copied', async () => {
    const engine = createEngine({ path: ':memory:' })
    const client = createInProcessClient(engine)
    const when = new Date('2024-01-02T03:04:05.000Z')
    const res = await client.makeRequest('http://embedded.local/api/v1/records', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      requestData: { label: 'A', data: { at: when, gone: undefined } }
    })
    expect(res.getStatusCode()).toBe(201)
    expect(res.getHeaders()).toEqual({ 'content-type': 'application/json; charset=utf-8' })
    const body = await res.toJSON()
    expect(body.data).toMatchObject({ __proptypes: { at: 'datetime' }, at: '2024-01-02T03:04:05.000Z' })
    expect('gone' in body.data).toBe(false)
    body.data.at = 'changed'
    expect((await res.toJSON()).data.at).toBe('2024-01-02T03:04:05.000Z')
    engine.close()
  })

  it('reports unexpected failures as 500 with an empty body and logs them', async () => {
    const logged: string[] = []
    const engine = createEngine({ path: ':memory:', logError: (_e, req) => logged.push(`${req.method} ${req.path}`) })
    engine.db.exec('DROP TABLE rels')
    const client = createInProcessClient(engine)
    const res = await client.makeRequest('http://embedded.local/api/v1/relationships/search', { method: 'POST', requestData: {} })
    expect(res.getStatusCode()).toBe(500)
    expect(await res.toJSON()).toEqual({})
    expect(logged).toEqual(['POST /relationships/search'])
    engine.close()
  })
})
