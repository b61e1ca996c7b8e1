import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { closedPort, remoteGateway, REMOTE_KEY, serveRaw, serveTestRemote, type TestRemote } from './remote-server.js'

let remote: TestRemote

beforeAll(async () => {
  remote = await serveTestRemote()
})
afterAll(async () => {
  await remote.close()
})

const search = (headers: Record<string, string>) =>
  fetch(`${remote.server.url}/records/search`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' })

describe('authentication against a RushDB server', () => {
  it('the engine accepts the key as `token` or as `Authorization: Bearer`, and refuses a wrong one', async () => {
    expect((await search({ token: REMOTE_KEY })).status).toBe(200)
    expect((await search({ authorization: `Bearer ${REMOTE_KEY}` })).status).toBe(200)
    for (const wrong of [{ token: 'nope' }, { authorization: 'Bearer nope' }, {}] as Array<Record<string, string>>) {
      const res = await search(wrong)
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual({ statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' })
    }
  })

  it('the gateway sends the key both ways, so 1.x (token) and 2.x (Bearer) servers accept it', async () => {
    const seen: Array<Record<string, string | string[] | undefined>> = []
    const raw = await serveRaw((req, res) => {
      seen.push(req.headers)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(req.url?.endsWith('/settings') ? { success: true, data: { selfHosted: true } } : { success: true, data: [], total: 0 }))
    })
    try {
      const t = remoteGateway(raw.url)
      const { body } = await t.query(`{ customers { customerId } }`)
      expect(body.data).toEqual({ customers: [] })
      expect(seen.length).toBeGreaterThanOrEqual(2)
      for (const headers of seen) {
        expect(headers.token).toBe(REMOTE_KEY)
        expect(headers.authorization).toBe(`Bearer ${REMOTE_KEY}`)
      }
    } finally {
      await raw.close()
    }
  })

  it("forwards the request's x-request-id (given or generated) to RushDB, so both logs join", async () => {
    const seen: Array<string | undefined> = []
    const raw = await serveRaw((req, res) => {
      if (req.url?.includes('/records/search')) seen.push(req.headers['x-request-id'] as string | undefined)
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(req.url?.endsWith('/settings') ? { success: true, data: { selfHosted: true } } : { success: true, data: [], total: 0 }))
    })
    try {
      const t = remoteGateway(raw.url)
      const ask = (headers: Record<string, string>) =>
        t.gateway.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ customers { customerId } }' })
        })
      const given = await ask({ 'x-request-id': 'bi-pull-42' })
      expect(given.headers.get('x-request-id')).toBe('bi-pull-42')
      const generated = await ask({})
      const id = generated.headers.get('x-request-id')
      expect(id).toMatch(/^[0-9a-f-]{36}$/)
      expect(seen).toEqual(['bi-pull-42', id])
    } finally {
      await raw.close()
    }
  })

  it('a wrong key reaches the client as BACKEND_AUTH_FAILED, and /ready says why', async () => {
    const t = remoteGateway(remote.server.url, { RUSHDB_API_KEY: 'not-the-key' })
    const { status, body } = await t.query(`{ customers { customerId } }`)
    expect(status).not.toBe(500)
    expect(body.data).toBeNull()
    expect(body.errors[0].extensions.code).toBe('BACKEND_AUTH_FAILED')
    expect(body.errors[0].message).toBe('RushDB refused the API key (HTTP 403); check RUSHDB_API_KEY')
    const ready = await t.gateway.fetch('http://gateway.test/ready')
    expect(ready.status).toBe(503)
    expect(await ready.text()).toContain('RushDB refused the API key')
  })
})

describe('an unreachable RushDB', () => {
  const rejections: unknown[] = []
  const onRejection = (reason: unknown) => rejections.push(reason)
  beforeEach(() => {
    rejections.length = 0
    process.on('unhandledRejection', onRejection)
  })
  afterEach(() => {
    process.off('unhandledRejection', onRejection)
  })

  it('never crashes the process, answers 503 and BACKEND_UNAVAILABLE, and recovers without restart', async () => {
    const port = await closedPort()
    const url = `http://127.0.0.1:${port}`
    const t = remoteGateway(url, { RUSHDB_RETRIES: '0' })
    const ready = await t.gateway.fetch('http://gateway.test/ready')
    expect(ready.status).toBe(503)
    expect(await ready.text()).toContain(`RushDB at ${url} cannot be reached (ECONNREFUSED)`)
    const down = await t.query(`{ customers { customerId } }`)
    expect(down.status).not.toBe(500)
    expect(down.body.errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE')
    expect(down.body.errors[0].message).toContain('cannot be reached')
    expect((await t.gateway.fetch('http://gateway.test/health')).status).toBe(200)

    const later = await serveTestRemote(port)
    try {
      await later.engine.handle({ method: 'POST', path: '/records', headers: { token: REMOTE_KEY }, body: { label: 'CUSTOMER', data: { customerId: 'cust-9' } } })
      expect((await t.gateway.fetch('http://gateway.test/ready')).status).toBe(200)
      const up = await t.query(`{ customers { customerId } }`)
      expect(up.body.errors).toBeUndefined()
      expect(up.body.data.customers).toEqual([{ customerId: 'cust-9' }])
    } finally {
      await later.close()
    }
    await new Promise((resolve) => setImmediate(resolve))
    expect(rejections).toEqual([])
  })
})
