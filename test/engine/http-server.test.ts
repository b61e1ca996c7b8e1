import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { MAX_BODY_BYTES } from '../../src/engine/http/read-json-body.js'
import { serveEngineHttp, type EngineHttpServer } from '../../src/engine/http/serve-http.js'

const TOKEN = 'http-token'

describe('serveEngineHttp', () => {
  let engine: Engine
  let server: EngineHttpServer
  beforeAll(async () => {
    engine = createEngine({ path: ':memory:', token: TOKEN })
    server = await serveEngineHttp(engine, { port: 0 })
  })
  afterAll(async () => {
    await server.close()
    engine.close()
  })

  it('serves under /api/v1 on 127.0.0.1 with a random port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
  })

  it('answers settings without a token, as JSON without CORS headers', async () => {
    const res = await fetch(`${server.url}/sdk/settings`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(await res.json()).toEqual({
      success: true,
      data: { selfHosted: true, dashboardUrl: '', googleOAuthEnabled: false, githubOAuthEnabled: false, customDb: false }
    })
  })

  it('answers 404 for paths outside /api/v1 and for unknown routes inside it', async () => {
    const outside = await fetch(server.url.replace('/api/v1', '/records/search'), { method: 'POST' })
    expect(outside.status).toBe(404)
    expect(await outside.json()).toEqual({ statusCode: 404, message: 'Cannot POST /records/search', error: 'Not Found' })
    const inside = await fetch(`${server.url}/records/nowhere/at/all`, { headers: { token: TOKEN } })
    expect(inside.status).toBe(404)
    expect(inside.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })

  it('answers 403 with a body for a wrong token and 400 for malformed JSON', async () => {
    const forbidden = await fetch(`${server.url}/labels/search`, { method: 'POST', headers: { token: 'nope' }, body: '{}' })
    expect(forbidden.status).toBe(403)
    expect(await forbidden.json()).toEqual({ statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' })
    const malformed = await fetch(`${server.url}/labels/search`, { method: 'POST', headers: { token: TOKEN }, body: '{nope' })
    expect(malformed.status).toBe(400)
    expect((await malformed.json()).message).toMatch(/^Malformed JSON body: /)
  })

  it('treats an empty POST body as no body', async () => {
    const res = await fetch(`${server.url}/records/search`, { method: 'POST', headers: { token: TOKEN }, body: '' })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ success: true, data: [], total: 0 })
  })

  it('answers 413 with a body for requests over 64 MB and keeps serving', async () => {
    const big = `{"label":"X","data":{"s":"${'x'.repeat(MAX_BODY_BYTES)}"}}`
    const res = await fetch(`${server.url}/records`, { method: 'POST', headers: { token: TOKEN, 'content-type': 'application/json' }, body: big })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ statusCode: 413, message: 'Request body is larger than 64 MB', error: 'Payload Too Large' })
    const after = await fetch(`${server.url}/records/search`, { method: 'POST', headers: { token: TOKEN }, body: '{}' })
    expect((await after.json()).total).toBe(0)
  })

  it('closes gracefully, letting an in-flight request finish', async () => {
    const own = createEngine({ path: ':memory:', token: TOKEN })
    const s = await serveEngineHttp(own, { port: 0 })
    const tx = await (await fetch(`${s.url}/tx`, { method: 'POST', headers: { token: TOKEN }, body: '{"ttl":200}' })).json()
    // This write waits for the transaction's TTL, so it is in flight when close() starts.
    const pending = fetch(`${s.url}/records`, { method: 'POST', headers: { token: TOKEN }, body: '{"label":"L","data":{"a":1}}' })
    await new Promise((r) => setTimeout(r, 50))
    await s.close()
    const res = await pending
    expect(res.status).toBe(201)
    expect(tx.data.id).toBeTypeOf('string')
    await expect(fetch(`${s.url}/sdk/settings`)).rejects.toThrow()
    own.close()
  })
})
