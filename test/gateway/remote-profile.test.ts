import { beforeAll, describe, expect, it } from 'vitest'
import { callsWithin, coreReads, type CoreRead } from './core-reads.js'
import { loadFixtureGraph, type FixtureIds } from './fixture-graph.js'
import { engineExtensionsIn, searchRecorder } from './plain-rushdb.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

// One engine, two gateways: the embedded profile (extensions, folding) and the remote profile
// (only what a RushDB server accepts), so their answers can be compared id for id.
let embedded: TestGateway
let remote: TestGateway
let recorder: ReturnType<typeof searchRecorder>
let ids: FixtureIds

beforeAll(async () => {
  embedded = createTestGateway()
  ids = await loadFixtureGraph(embedded.backend.sdk)
  recorder = searchRecorder()
  remote = createTestGateway({ BACKEND_PROFILE: 'remote' }, { engine: embedded.backend.engine, wrapTransport: recorder.wrap })
})

describe('the remote profile on the engine: plain RushDB forms, same answers', () => {
  const reads = (): CoreRead[] => coreReads(ids)
  it.each(coreReads({}).map((r) => [r.name]))('%s', async (name) => {
    const read = reads().find((r) => r.name === name)!
    const expected = await embedded.query(read.query, read.variables)
    expect(expected.body.errors).toBeUndefined()
    recorder.bodies.length = 0
    const actual = await remote.query(read.query, read.variables)
    expect(actual.body.errors).toBeUndefined()
    expect(actual.body.data).toEqual(expected.body.data)
    const [least, most] = callsWithin(read)
    expect(actual.body.extensions.rushdb.calls).toBeGreaterThanOrEqual(least)
    expect(actual.body.extensions.rushdb.calls).toBeLessThanOrEqual(most)
    expect(recorder.bodies).toHaveLength(actual.body.extensions.rushdb.calls)
    for (const { body } of recorder.bodies) expect(engineExtensionsIn(body)).toEqual([])
  })

  it('the extension check itself finds every extension form', () => {
    expect(
      engineExtensionsIn({
        skipTotal: true,
        select: {},
        where: { name: { $gt: 'M' }, at: { $gte: '2025-01-01T00:00:00Z' }, $id: { $lt: 'x' }, $or: [{ SUB: { $relation: { type: ['A', 'B'] } } }] }
      })
    ).toEqual(['select', 'skipTotal', 'string range at where.name.$gt', '$id range at where.$id.$lt', 'string range at where.$id.$lt', 'type list at where.$or[0].SUB.$relation'])
  })

  it('rejects FOLD_RELATIONS=true with the remote profile, naming the fix', () => {
    expect(() => createTestGateway({ BACKEND_PROFILE: 'remote', FOLD_RELATIONS: 'true' })).toThrow(/FOLD_RELATIONS needs the embedded profile/)
    expect(() => createTestGateway({ BACKEND_PROFILE: 'cloud' })).toThrow('BACKEND_PROFILE must be "embedded" or "remote", got "cloud"')
  })
})

describe('bad input the remote profile cannot express', () => {
  it('refuses a range on a text field with BAD_USER_INPUT before calling RushDB; number and datetime ranges work', async () => {
    const text = await remote.query(`{ customers(where: { name: { gt: "M" } }) { customerId } }`)
    expect(text.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(text.body.errors[0].message).toBe('gt on a text field needs the embedded engine: RushDB compares only numbers and datetimes by range; use eq, in or startsWith')
    expect(text.body.extensions.rushdb.calls).toBe(0)
    expect((await embedded.query(`{ customers(where: { name: { gt: "M" } }) { customerId } }`)).body.errors).toBeUndefined()
    const ranges = await remote.query(`{ orders(where: { totalUsd: { gte: 100 }, orderedAt: { lt: "2025-03-01T00:00:00Z" } }) { orderId } }`)
    expect(ranges.body.errors).toBeUndefined()
    expect(ranges.body.data.orders).toEqual([{ orderId: 'ord-1' }])
  })
})
