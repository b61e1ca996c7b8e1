import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph } from './fixture-graph.js'
import { searchRecorder } from './plain-rushdb.js'
import { createTestGateway, gatewaysOnOneEngine, type TestGateway } from './test-gateway.js'

let t: TestGateway
let unfolded: TestGateway
let recorder: ReturnType<typeof searchRecorder>

beforeAll(async () => {
  recorder = searchRecorder()
  ;[t, unfolded] = await gatewaysOnOneEngine(loadFixtureGraph, recorder.wrap, [{}, { FOLD_RELATIONS: 'false' }])
})

async function sent(gateway: TestGateway, query: string, variables?: Record<string, unknown>) {
  recorder.bodies.length = 0
  const { body } = await gateway.query(query, variables)
  expect(body.errors).toBeUndefined()
  return { data: body.data, bodies: recorder.bodies.map((b) => b.body) }
}

describe('totalCount costs nothing unless selected (embedded profile)', () => {
  it('a connection without totalCount asks the engine not to count', async () => {
    const { bodies } = await sent(t, `{ customersConnection(first: 2) { nodes { customerId } pageInfo { hasNextPage } } }`)
    expect(bodies).toHaveLength(1)
    expect(bodies[0].skipTotal).toBe(true)
  })

  it('a connection with totalCount counts in the page query itself', async () => {
    const { data, bodies } = await sent(t, `{ customersConnection(first: 2) { totalCount nodes { customerId } } }`)
    expect(data.customersConnection.totalCount).toBe(4)
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).not.toHaveProperty('skipTotal')
  })

  it('past a cursor the page skips counting and one count query (without the flag) gives the total', async () => {
    const first = await sent(t, `{ customersConnection(first: 2) { pageInfo { endCursor } } }`)
    const { data, bodies } = await sent(t, `query($a: String) { customersConnection(first: 2, after: $a) { totalCount nodes { customerId } } }`, {
      a: first.data.customersConnection.pageInfo.endCursor
    })
    expect(data.customersConnection.totalCount).toBe(4)
    expect(data.customersConnection.nodes).toHaveLength(2)
    expect(bodies.map((b) => b.skipTotal ?? false)).toEqual([true, false])
  })

  it('lists, lookups and relation loads never ask for a count', async () => {
    const { bodies } = await sent(unfolded, `{ customers(limit: 2) { customerId tickets { ticketId } } customer(customerId: "cust-1") { account { name } } }`)
    expect(bodies).toHaveLength(4)
    for (const body of bodies) expect(body.skipTotal).toBe(true)
  })

  it('the remote profile never sends the flag (RushDB has no such key)', async () => {
    const remote = createTestGateway({ BACKEND_PROFILE: 'remote' }, { engine: t.backend.engine, wrapTransport: recorder.wrap })
    const { bodies } = await sent(remote, `{ customersConnection(first: 2) { nodes { customerId } } customers { tickets { ticketId } } }`)
    expect(bodies).toHaveLength(3)
    for (const body of bodies) expect(body).not.toHaveProperty('skipTotal')
  })
})
