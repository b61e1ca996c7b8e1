import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pageThrough } from './connection-paging.js'
import { callsWithin, coreReads } from './core-reads.js'
import { loadFixtureGraph, type FixtureIds } from './fixture-graph.js'
import { presentingKey, remoteGateway, REMOTE_KEY, serveTestRemote, type TestRemote } from './remote-server.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

// The engine over HTTP with an API key stands in for a RushDB server. The gateway under test uses
// the remote configuration (RUSHDB_URL + RUSHDB_API_KEY, so the remote profile); the reference is
// the embedded gateway in-process on the same engine, so answers compare id for id.
let remote: TestRemote
let gateway: TestGateway
let embedded: TestGateway
let ids: FixtureIds

beforeAll(async () => {
  remote = await serveTestRemote()
  gateway = remoteGateway(remote.server.url)
  embedded = createTestGateway({}, { engine: remote.engine, wrapTransport: presentingKey(REMOTE_KEY) })
  expect(gateway.backend.profile.name).toBe('remote')
  ids = await loadFixtureGraph(gateway.backend.sdk)
})

afterAll(async () => {
  await remote.close()
})

describe('a gateway on a RushDB server over HTTP (remote profile)', () => {
  it('is ready once the server answers and accepts the key', async () => {
    const res = await gateway.gateway.fetch('http://gateway.test/ready')
    expect(res.status).toBe(200)
  })

  it.each(coreReads({}).map((r) => [r.name]))('%s: same answer as the embedded gateway, one call per root and relation level', async (name) => {
    const read = coreReads(ids).find((r) => r.name === name)!
    const expected = await embedded.query(read.query, read.variables)
    const actual = await gateway.query(read.query, read.variables)
    expect(actual.status).toBe(200)
    expect(actual.body.errors).toBeUndefined()
    expect(actual.body.data).toEqual(expected.body.data)
    const [least, most] = callsWithin(read)
    expect(actual.body.extensions.rushdb.calls).toBeGreaterThanOrEqual(least)
    expect(actual.body.extensions.rushdb.calls).toBeLessThanOrEqual(most)
    // The embedded gateway folds each root field and its relations into one query.
    expect(expected.body.extensions.rushdb.calls).toBeLessThanOrEqual(4)
  })

  it('pages a connection forwards and backwards with totalCount, as the embedded gateway does', async () => {
    const args = ', orderBy: [{ plan: ASC }]'
    const over = await pageThrough(gateway, 'customersConnection', args, 3)
    const local = await pageThrough(embedded, 'customersConnection', args, 3)
    expect(over.forward).toEqual(local.forward)
    expect(over.backward).toEqual(local.backward)
    expect(over.forward.flat()).toEqual([ids['cust-1'], ids['cust-2'], ids['cust-4'], ids['cust-3']])
    expect(over.totals).toEqual([4, 4])
    expect(over.calls).toBe(4)
  })
})
