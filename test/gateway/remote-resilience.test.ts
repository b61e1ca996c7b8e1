import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.js'
import { BackendFailure } from '../../src/rushdb/backend-failure.js'
import { isRetryableRead } from '../../src/rushdb/retry-reads.js'
import type { SdkHttpClient, SdkHttpResponse } from '../../src/rushdb/sdk-transport.js'
import { remoteGateway, serveRaw, serveTestRemote, type TestRemote } from './remote-server.js'

let remote: TestRemote

beforeAll(async () => {
  remote = await serveTestRemote()
})
afterAll(async () => {
  await remote.close()
})

function statusResponse(status: number): SdkHttpResponse {
  return { getStatusCode: () => status, getHeaders: () => ({}), getRawResponse: () => null, toStream: () => null, toJSON: async () => ({}) }
}

/** A transport that fails the first `failures` calls matching `which` with `failure`, counting every attempt. */
function failing(failures: number, failure: () => Promise<SdkHttpResponse>, which = (url: string) => url.endsWith('/records/search')) {
  const attempts: string[] = []
  let left = failures
  const wrap = (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest(url, config) {
      if (!which(url)) return inner.makeRequest(url, config)
      attempts.push(`${config.method} ${url.replace(/^.*\/api\/v1/, '')}`)
      if (left-- > 0) return failure()
      return inner.makeRequest(url, config)
    }
  })
  return { attempts, wrap }
}

/** Retry timing without a clock: delays recorded, jitter fixed at half. */
function timing() {
  const delays: number[] = []
  return { delays, retry: { sleep: async (ms: number) => void delays.push(ms), random: () => 0.5 } }
}

const unreachable = () => Promise.reject(new BackendFailure('unreachable', 'RushDB at http://x cannot be reached (ECONNRESET)'))

describe('retries of remote reads', () => {
  it('retries a failed search with exponential backoff and jitter, then answers', async () => {
    const f = failing(2, unreachable)
    const clock = timing()
    const t = remoteGateway(remote.server.url, {}, { wrapTransport: f.wrap, retry: clock.retry })
    const { body } = await t.query(`{ customers { customerId } }`)
    expect(body.errors).toBeUndefined()
    expect(f.attempts).toEqual(['POST /records/search', 'POST /records/search', 'POST /records/search'])
    expect(clock.delays).toEqual([50, 100])
    expect(body.extensions.rushdb.calls).toBe(1)
  })

  it('gives up after RUSHDB_RETRIES retries with BACKEND_UNAVAILABLE; 503 answers are retried too', async () => {
    for (const failure of [unreachable, async () => statusResponse(503)]) {
      const f = failing(10, failure)
      const clock = timing()
      const t = remoteGateway(remote.server.url, { RUSHDB_RETRIES: '3' }, { wrapTransport: f.wrap, retry: clock.retry })
      const { status, body } = await t.query(`{ customers { customerId } }`)
      expect(status).toBe(503)
      expect(body.errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE')
      expect(f.attempts).toHaveLength(4)
      expect(clock.delays).toEqual([50, 100, 200])
    }
  })

  it('caps the backoff', async () => {
    const f = failing(10, unreachable)
    const clock = timing()
    const t = remoteGateway(remote.server.url, { RUSHDB_RETRIES: '8' }, { wrapTransport: f.wrap, retry: { ...clock.retry, random: () => 0.999 } })
    await t.query(`{ customers { customerId } }`)
    expect(clock.delays).toEqual([99, 199, 399, 799, 1598, 1998, 1998, 1998])
  })

  it('does not retry a refused query (400)', async () => {
    const f = failing(10, async () => statusResponse(400))
    const t = remoteGateway(remote.server.url, {}, { wrapTransport: f.wrap, retry: timing().retry })
    const { body } = await t.query(`{ customers { customerId } }`)
    expect(body.errors[0].extensions.code).toBe('BACKEND_REJECTED')
    expect(f.attempts).toHaveLength(1)
  })

  it('never retries a write, nor a read inside a transaction', async () => {
    const writes = failing(10, unreachable, (url) => url.endsWith('/records'))
    const t = remoteGateway(remote.server.url, {}, { wrapTransport: writes.wrap, retry: timing().retry })
    await expect(t.backend.sdk.records.create({ label: 'CUSTOMER', data: { customerId: 'c-x' } })).rejects.toThrow('cannot be reached')
    expect(writes.attempts).toEqual(['POST /records'])
    const reads = failing(10, unreachable)
    const u = remoteGateway(remote.server.url, {}, { wrapTransport: reads.wrap, retry: timing().retry })
    await expect(u.backend.sdk.records.find({ labels: ['CUSTOMER'] }, '01900000-0000-7000-8000-000000000000')).rejects.toThrow('cannot be reached')
    expect(reads.attempts).toHaveLength(1)
  })

  it('classifies calls: reads are settings, searches and GETs outside transactions', () => {
    const base = 'http://db.test/api/v1'
    expect(isRetryableRead(`${base}/records/search`, { method: 'POST' })).toBe(true)
    expect(isRetryableRead(`${base}/sdk/settings`, { method: 'GET' })).toBe(true)
    expect(isRetryableRead(`${base}/relationships/search?limit=10`, { method: 'POST' })).toBe(true)
    expect(isRetryableRead(`${base}/records/search`, { method: 'POST', headers: { 'x-transaction-id': 'tx' } })).toBe(false)
    for (const [method, path] of [['POST', '/records'], ['POST', '/records/import/json'], ['POST', '/records/delete'], ['PATCH', '/records/x'], ['DELETE', '/records/x'], ['POST', '/tx']]) {
      expect([method, path, isRetryableRead(`${base}${path}`, { method })]).toEqual([method, path, false])
    }
  })

  it('validates RUSHDB_RETRIES and defaults it to 2', () => {
    const remoteEnv = { RUSHDB_URL: 'http://db.test', RUSHDB_API_KEY: 'k' }
    expect(loadConfig(remoteEnv).backend).toMatchObject({ kind: 'remote', retries: 2, timeoutMs: 10_000, profile: 'remote' })
    expect(() => loadConfig({ ...remoteEnv, RUSHDB_RETRIES: '-1' })).toThrow('RUSHDB_RETRIES must be an integer ≥ 0, got "-1"')
  })
})

describe('a RushDB that misbehaves over HTTP', () => {
  it('a garbage answer is BACKEND_UNAVAILABLE naming the problem, never a 500, and is retried', async () => {
    for (const [type, text] of [['text/html', '<html>502 Bad Gateway</html>'], ['application/json', '[1, 2]']]) {
      let searches = 0
      const raw = await serveRaw((req, res) => {
        if (req.url?.endsWith('/records/search')) searches++
        res.writeHead(200, { 'content-type': type })
        res.end(text)
      })
      try {
        const t = remoteGateway(raw.url, { RUSHDB_RETRIES: '1' }, { retry: timing().retry })
        const { status, body } = await t.query(`{ customers { customerId } }`)
        expect(status).toBe(503)
        expect(body.errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE')
        expect(body.errors[0].message).toContain(`${raw.url} answered HTTP 200 with a body that is not a RushDB response`)
        expect(searches).toBe(2)
        const ready = await t.gateway.fetch('http://gateway.test/ready')
        expect(ready.status).toBe(503)
        expect(await ready.text()).toContain('not a RushDB response')
      } finally {
        await raw.close()
      }
    }
  })

  it('a server that never answers, or stops mid-body, is a BACKEND_TIMEOUT after RUSHDB_TIMEOUT_MS', async () => {
    const raw = await serveRaw((req, res) => {
      if (req.url?.includes('mid-body') || req.url?.endsWith('/records/search')) {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.write('{"success": true, "data": [')
      }
      // …and nothing more: the connection stays open.
    })
    try {
      const t = remoteGateway(raw.url, { RUSHDB_TIMEOUT_MS: '100', RUSHDB_RETRIES: '0' })
      const { status, body } = await t.query(`{ customers { customerId } }`)
      expect(status).toBe(503)
      expect(body.errors[0].extensions.code).toBe('BACKEND_TIMEOUT')
      expect(body.errors[0].message).toBe(`RushDB at ${raw.url} did not answer within 100 ms (RUSHDB_TIMEOUT_MS); retry later`)
      const ready = await t.gateway.fetch('http://gateway.test/ready')
      expect(ready.status).toBe(503)
      expect(await ready.text()).toContain('did not answer within 100 ms')
    } finally {
      await raw.close()
    }
  })
})
