import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_RELATION_ALIAS } from '../../src/engine/types.js'
import { openHarness, seed, TOKEN, TRANSPORTS, type Harness } from './conformance-transports.js'

describe.each(TRANSPORTS)('POST /relationships/create-many and delete-many over %s', (kind) => {
  let h: Harness
  let movies: Array<{ __id: string; id: string }>
  let actors: Array<{ __id: string; name: string; movieId: string }>
  const name = (id: string) => [...movies.map((m) => [m.__id, m.id]), ...actors.map((a) => [a.__id, a.name])].find(([i]) => i === id)?.[1] ?? id

  /** Every edge as `source -[type]-> target`, records named by their id or name, sorted. */
  async function edges(headers?: Record<string, string>): Promise<string[]> {
    const res = await h.raw('POST', '/relationships/search', {}, headers ? { token: TOKEN, ...headers } : undefined)
    expect(res.status).toBe(200)
    return (res.body.data as Array<{ sourceId: string; targetId: string; type: string }>).map((e) => `${name(e.sourceId)} -[${e.type}]-> ${name(e.targetId)}`).sort()
  }

  const createMany = (body: unknown, headers?: Record<string, string>) => h.raw('POST', '/relationships/create-many', body, headers ? { token: TOKEN, ...headers } : undefined)
  const deleteMany = (body: unknown) => h.raw('POST', '/relationships/delete-many', body)
  const keyJoin = { source: { label: 'MOVIE', key: 'id' }, target: { label: 'ACTOR', key: 'movieId' }, type: 'STARS_IN' }

  beforeEach(async () => {
    h = await openHarness(kind)
    movies = await seed(h, 'MOVIE', [{ id: 'm1' }, { id: 'm2' }, { id: 'm3' }])
    actors = await seed(h, 'ACTOR', [
      { name: 'ann', movieId: 'm1' },
      { name: 'bob', movieId: 'm1' },
      { name: 'cat', movieId: 'm2' },
      { name: 'dan', movieId: 'm9' }
    ])
  })
  afterEach(() => h.close())

  it('links every source to every target with an equal key, answering like attach', async () => {
    const res = await createMany({ ...keyJoin, direction: 'out' })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ success: true, data: { message: 'Relations have been successfully created' } })
    expect(await edges()).toEqual(['m1 -[STARS_IN]-> ann', 'm1 -[STARS_IN]-> bob', 'm2 -[STARS_IN]-> cat'])
  })

  it('points the edges from the target with direction in, and uses the default type without one', async () => {
    expect((await createMany({ ...keyJoin, direction: 'in' })).status).toBe(201)
    expect(await edges()).toEqual(['ann -[STARS_IN]-> m1', 'bob -[STARS_IN]-> m1', 'cat -[STARS_IN]-> m2'])
    await deleteMany({ source: { label: 'MOVIE', key: 'id' }, target: { label: 'ACTOR', key: 'movieId' } })
    expect((await createMany({ source: keyJoin.source, target: keyJoin.target })).status).toBe(201)
    expect(await edges()).toEqual([`m1 -[${DEFAULT_RELATION_ALIAS}]-> ann`, `m1 -[${DEFAULT_RELATION_ALIAS}]-> bob`, `m2 -[${DEFAULT_RELATION_ALIAS}]-> cat`])
    // Naming the stored default type is the same edge, not a second one.
    await createMany({ ...keyJoin, type: '__RUSHDB__RELATION__DEFAULT__' })
    expect(await edges()).toHaveLength(3)
  })

  it('narrows each side by its where ($id lists included)', async () => {
    const ann = actors.find((a) => a.name === 'ann')!.__id
    const cat = actors.find((a) => a.name === 'cat')!.__id
    await createMany({ ...keyJoin, source: { ...keyJoin.source, where: { id: { $in: ['m1', 'm2'] } } }, target: { ...keyJoin.target, where: { $id: { $in: [ann, cat] } } } })
    expect(await edges()).toEqual(['m1 -[STARS_IN]-> ann', 'm2 -[STARS_IN]-> cat'])
    await createMany({ ...keyJoin, source: { ...keyJoin.source, where: { id: 'm2' } } })
    expect(await edges()).toEqual(['m1 -[STARS_IN]-> ann', 'm2 -[STARS_IN]-> cat'])
    await createMany({ ...keyJoin, target: { ...keyJoin.target, where: { name: { $startsWith: 'b' } } } })
    expect(await edges()).toEqual(['m1 -[STARS_IN]-> ann', 'm1 -[STARS_IN]-> bob', 'm2 -[STARS_IN]-> cat'])
  })

  it('is idempotent: a repeat keeps the edges there and adds none; other types stay apart', async () => {
    await createMany(keyJoin)
    await createMany(keyJoin)
    expect(await edges()).toHaveLength(3)
    await createMany({ ...keyJoin, type: 'CAST' })
    expect(await edges()).toHaveLength(6)
  })

  it('links every match of one side to every match of the other with manyToMany', async () => {
    const res = await createMany({ source: { label: 'MOVIE', where: { id: 'm3' } }, target: { label: 'ACTOR', where: { movieId: { $in: ['m2', 'm9'] } } }, type: 'LATER', manyToMany: true })
    expect(res.status).toBe(201)
    expect(await edges()).toEqual(['m3 -[LATER]-> cat', 'm3 -[LATER]-> dan'])
  })

  it('delete-many removes the joined edges: of a type, in a direction, or all', async () => {
    await createMany(keyJoin)
    await createMany({ ...keyJoin, type: 'CAST', direction: 'in' })
    const typed = await deleteMany({ ...keyJoin, type: 'CAST', direction: 'out' })
    expect(typed.status).toBe(201)
    expect(typed.body).toEqual({ success: true, data: { message: 'Relations have been successfully deleted' } })
    expect(await edges()).toHaveLength(6)
    await deleteMany({ ...keyJoin, type: 'CAST', direction: 'in', target: { ...keyJoin.target, where: { name: 'ann' } } })
    expect(await edges()).toEqual(['bob -[CAST]-> m1', 'cat -[CAST]-> m2', 'm1 -[STARS_IN]-> ann', 'm1 -[STARS_IN]-> bob', 'm2 -[STARS_IN]-> cat'])
    await deleteMany({ source: keyJoin.source, target: keyJoin.target })
    expect(await edges()).toEqual([])
  })

  it.each([
    ['no body object', [], 'Request body must be a JSON object'],
    ['a missing source label', { source: { key: 'id' }, target: { label: 'ACTOR', key: 'movieId' } }, 'source.label: is required'],
    ['a missing target', { source: { label: 'MOVIE', key: 'id' } }, 'target: must be an object'],
    ['a key on one side only', { source: { label: 'MOVIE', key: 'id' }, target: { label: 'ACTOR' } }, 'target.key is missing'],
    ['no keys and no manyToMany', { source: { label: 'MOVIE' }, target: { label: 'ACTOR' } }, 'give source.key and target.key'],
    ['manyToMany without a where on both sides', { source: { label: 'MOVIE', where: { id: 'm1' } }, target: { label: 'ACTOR' }, manyToMany: true }, 'manyToMany needs a non-empty where on both'],
    ['manyToMany with keys', { source: { label: 'MOVIE', key: 'id', where: { id: 'm1' } }, target: { label: 'ACTOR', key: 'movieId', where: { name: 'ann' } }, manyToMany: true }, 'leave out source.key and target.key'],
    ['a bad direction', { ...keyJoin, direction: 'sideways' }, 'direction: must be "in" or "out"'],
    ['a type that is not a name', { ...keyJoin, type: 'A]->(x) DETACH DELETE x //' }, 'type: must be a relationship type name'],
    ['a bad where operator', { ...keyJoin, target: { ...keyJoin.target, where: { name: { $regex: 'a' } } } }, 'target: ']
  ])('400 for %s, writing nothing', async (_, body, message) => {
    await createMany({ ...keyJoin, type: 'KEEP' })
    const res = await createMany(body)
    expect(res.status).toBe(400)
    expect(res.body.message).toContain(message)
    expect((await deleteMany(body)).status).toBe(400)
    expect(await edges()).toEqual(['m1 -[KEEP]-> ann', 'm1 -[KEEP]-> bob', 'm2 -[KEEP]-> cat'])
  })

  it('writes inside a transaction: seen there, gone after a rollback, kept after a commit', async () => {
    const tx = await h.db.tx.begin()
    expect((await createMany(keyJoin, { 'x-transaction-id': tx.id })).status).toBe(201)
    expect(await edges({ 'x-transaction-id': tx.id })).toHaveLength(3)
    await h.db.tx.rollback(tx)
    expect(await edges()).toEqual([])
    const again = await h.db.tx.begin()
    await createMany(keyJoin, { 'x-transaction-id': again.id })
    await h.db.tx.commit(again)
    expect(await edges()).toHaveLength(3)
  })

  it('a rejected call rolls its transaction back, taking earlier edges with it', async () => {
    const tx = await h.db.tx.begin()
    await createMany(keyJoin, { 'x-transaction-id': tx.id })
    expect((await createMany({ ...keyJoin, direction: 'up' }, { 'x-transaction-id': tx.id })).status).toBe(400)
    expect(await edges()).toEqual([])
  })
})
