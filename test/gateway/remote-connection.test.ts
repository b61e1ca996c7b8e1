import { beforeAll, describe, expect, it } from 'vitest'
import { pageThrough } from './connection-paging.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { engineExtensionsIn, searchRecorder } from './plain-rushdb.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let embedded: TestGateway
let remote: TestGateway
let recorder: ReturnType<typeof searchRecorder>

beforeAll(async () => {
  embedded = createTestGateway()
  await loadFixtureGraph(embedded.backend.sdk)
  // More rows with ties on the sort keys, so pages cross ties.
  await embedded.backend.sdk.records.createMany({
    label: 'INVOICE',
    data: Array.from({ length: 9 }, (_, i) => ({ invoiceId: `inv-x${i}`, month: `2025-0${(i % 3) + 4}`, amount: [10, 20, 20][i % 3], status: i % 2 ? 'paid' : 'open' })),
    options: { suggestTypes: true, returnResult: true }
  } as never)
  recorder = searchRecorder()
  remote = createTestGateway({ BACKEND_PROFILE: 'remote' }, { engine: embedded.backend.engine, wrapTransport: recorder.wrap })
})

const CASES: Array<[string, string]> = [
  ['default order', ''],
  ['a string key with ties', ', orderBy: [{ status: ASC }]'],
  ['a number key descending with ties, filtered', ', orderBy: [{ amount: DESC }, { month: ASC }], where: { status: { ne: "void" } }']
]

describe('connections on the remote profile: anchored offset cursors', () => {
  it.each(CASES)('%s: same pages as keyset paging, forwards and backwards, one call per page', async (_name, args) => {
    const keyset = await pageThrough(embedded, 'invoicesConnection', args, 4)
    recorder.bodies.length = 0
    const anchored = await pageThrough(remote, 'invoicesConnection', args, 4)
    expect(anchored.forward).toEqual(keyset.forward)
    expect(anchored.backward).toEqual(keyset.backward)
    expect(anchored.forward.flat()).toHaveLength(12)
    expect(new Set(anchored.forward.flat()).size).toBe(12)
    expect(anchored.totals).toEqual(anchored.forward.map(() => 12))
    // totalCount comes with every page query: no separate count call, unlike keyset pages past a cursor.
    expect(anchored.calls).toBe(anchored.forward.length + anchored.backward.length)
    for (const { body } of recorder.bodies) expect(engineExtensionsIn(body)).toEqual([])
  })

  it('sees rows inserted before the cursor without repeating or skipping any (one extra call)', async () => {
    const t = createTestGateway({ BACKEND_PROFILE: 'remote' })
    await t.backend.sdk.records.createMany({ label: 'ORDER', data: [10, 20, 30, 40, 50, 60].map((n) => ({ orderId: `o-${n}`, totalUsd: n })), options: { suggestTypes: true, returnResult: true } } as never)
    const page = (after: string | null) =>
      t.query(`query($after: String) { ordersConnection(first: 2, after: $after, orderBy: [{ totalUsd: ASC }]) { nodes { orderId } pageInfo { endCursor hasNextPage } } }`, { after })
    const first = await page(null)
    expect(first.body.data.ordersConnection.nodes).toEqual([{ orderId: 'o-10' }, { orderId: 'o-20' }])
    await t.backend.sdk.records.createMany({ label: 'ORDER', data: [{ orderId: 'o-5', totalUsd: 5 }, { orderId: 'o-15', totalUsd: 15 }], options: { suggestTypes: true } } as never)
    const second = await page(first.body.data.ordersConnection.pageInfo.endCursor)
    expect(second.body.errors).toBeUndefined()
    expect(second.body.data.ordersConnection.nodes).toEqual([{ orderId: 'o-30' }, { orderId: 'o-40' }])
    expect(second.body.extensions.rushdb.calls).toBe(3)
  })

  it('fails with CURSOR_STALE when the cursor row is gone, instead of guessing', async () => {
    const t = createTestGateway({ BACKEND_PROFILE: 'remote' })
    const made = await t.backend.sdk.records.createMany({ label: 'ORDER', data: [1, 2, 3, 4].map((n) => ({ orderId: `o-${n}`, totalUsd: n })), options: { suggestTypes: true, returnResult: true } } as never)
    const first = await t.query(`{ ordersConnection(first: 2, orderBy: [{ totalUsd: ASC }]) { pageInfo { endCursor } } }`)
    await t.backend.sdk.records.deleteById(made.data[1].data!.__id as string)
    const { body } = await t.query(`query($after: String) { ordersConnection(first: 2, after: $after, orderBy: [{ totalUsd: ASC }]) { nodes { orderId } } }`, {
      after: first.body.data.ordersConnection.pageInfo.endCursor
    })
    expect(body.errors[0].extensions.code).toBe('CURSOR_STALE')
    expect(body.errors[0].message).toContain('page again from the first page')
  })

  it('rejects a keyset cursor, and a cursor of another order, as not a cursor of this list', async () => {
    const keysetCursor = (await embedded.query(`{ invoicesConnection(first: 1) { pageInfo { endCursor } } }`)).body.data.invoicesConnection.pageInfo.endCursor
    const other = (await remote.query(`{ invoicesConnection(first: 1, orderBy: [{ amount: ASC }]) { pageInfo { endCursor } } }`)).body.data.invoicesConnection.pageInfo.endCursor
    for (const after of [keysetCursor, other]) {
      const { body } = await remote.query(`query($after: String) { invoicesConnection(first: 1, after: $after) { totalCount } }`, { after })
      expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
      expect(body.errors[0].message).toContain('not a cursor of this list')
    }
  })
})
