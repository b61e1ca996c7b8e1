import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHarness, seed, TRANSPORTS, type Harness } from './conformance-transports.js'

describe.each(TRANSPORTS)('search semantics through the SDK over %s', (kind) => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness(kind)
  })
  afterEach(async () => {
    await h.close()
  })
  const names = async (query: object) =>
    (await h.db.records.find({ labels: ['P'], ...query, orderBy: { name: 'asc' } } as any)).data.map((r) => r.data!.name)

  it('applies property operators with RushDB semantics', async () => {
    await seed(h, 'P', [
      { name: 'ann', tags: ['x', 'y'], age: 30, at: '2024-01-01T10:00:00Z', city: 'Paris' },
      { name: 'bob', tags: ['y'], age: 40, at: '2024-06-01T10:00:00Z', city: 'paris' },
      { name: 'cat', age: 50 }
    ])
    expect(await names({ where: { tags: 'x' } })).toEqual(['ann'])
    expect(await names({ where: { tags: { $ne: 'y' } } })).toEqual(['ann'])
    expect(await names({ where: { tags: { $nin: ['x'] } } })).toEqual(['bob'])
    expect(await names({ where: { city: { $contains: 'PAR' } } })).toEqual(['ann', 'bob'])
    expect(await names({ where: { city: { $startsWith: 'P' } } })).toEqual(['ann'])
    expect(await names({ where: { age: { $gte: 40, $lt: 50 } } })).toEqual(['bob'])
    expect(await names({ where: { age: { $in: [30, 50] } } })).toEqual(['ann', 'cat'])
    expect(await names({ where: { at: { $gt: '2024-03-01T00:00:00+02:00' } } })).toEqual(['bob'])
    expect(await names({ where: { at: { $year: 2024, $month: 1, $day: 1, $hour: 10 } } })).toEqual(['ann'])
    expect(await names({ where: { $or: [{ age: 30 }, { name: 'cat' }] } })).toEqual(['ann', 'cat'])
    expect(await names({ where: { city: { $exists: false } } })).toEqual(['cat'])
  })

  it('filters by related records in either direction, by type and by existence', async () => {
    await seed(h, 'Author', [
      { name: 'a1', Post: [{ title: 'p1', Tag: { t: 'red' } }, { title: 'p2' }] },
      { name: 'a2', Post: { title: 'p3' } },
      { name: 'a3' }
    ])
    const authors = async (where: object) =>
      (await h.db.records.find({ labels: ['Author'], where, orderBy: { name: 'asc' } } as any)).data.map((r) => r.data!.name)
    expect(await authors({ Post: {} })).toEqual(['a1', 'a2'])
    expect(await authors({ Post: { title: 'p3' } })).toEqual(['a2'])
    expect(await authors({ Post: { Tag: { t: 'red' } } })).toEqual(['a1'])
    expect(await authors({ Post: { $relation: { type: 'RUSHDB_DEFAULT_RELATION_NOT', direction: 'out' } } })).toEqual([])
    expect(await authors({ Post: { $relation: { direction: 'out' } } })).toEqual(['a1', 'a2'])
    expect(await authors({ Post: { $relation: { direction: 'in' } } })).toEqual([])
    const posts = await h.db.records.find({ labels: ['Post'], where: { Author: { $relation: { direction: 'in' }, name: 'a1' } } })
    expect(posts.total).toBe(2)
  })

  it('aggregates per record: count and collect', async () => {
    await seed(h, 'Author', [{ name: 'a1', Post: [{ title: 'p1' }, { title: 'p2' }] }, { name: 'a2' }])
    const res = await h.db.records.find({
      labels: ['Author'],
      where: { Post: { $alias: '$post' } },
      aggregate: { posts: { fn: 'count', alias: '$post' }, titles: { fn: 'collect', alias: '$post', field: 'title' } }
    } as any)
    expect(res.data.map((r) => [r.data!.name, r.data!.posts, r.data!.titles])).toEqual([['a1', 2, ['p1', 'p2']]])
  })

  it('types every imported value as a string when options omit suggestTypes (v1.8)', async () => {
    const res = await h.db.records.createMany({ label: 'S', data: [{ n: 1, b: true }], options: { returnResult: true } })
    expect(res.data[0].data).toMatchObject({ __proptypes: { n: 'string', b: 'string' }, n: '1', b: 'true' })
  })

  it('skips a root object that has only nested values', async () => {
    const rows = await seed(h, 'Root', { child: { c: 1 } })
    expect(rows.map((r) => r.__label)).toEqual(['child'])
  })
})
