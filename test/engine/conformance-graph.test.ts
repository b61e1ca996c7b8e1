import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHarness, seed, TRANSPORTS, type Harness } from './conformance-transports.js'

describe.each(TRANSPORTS)('import, relationships and related search over %s', (kind) => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness(kind)
  })
  afterEach(async () => {
    await h.close()
  })

  it('imports nested JSON as linked child records (parent -> child, default type)', async () => {
    const rows = await seed(h, 'Author', { name: 'Ann', post: [{ title: 'P1' }, { title: 'P2' }] })
    expect(rows.map((r) => r.__label)).toEqual(['Author', 'post', 'post'])
    const [author] = rows
    const rels = await h.db.relationships.find({ labels: ['Author'] })
    expect(rels.total).toBe(2)
    expect(rels.data).toEqual(
      expect.arrayContaining(
        rows.slice(1).map((p) => ({ sourceId: author.__id, sourceLabel: 'Author', targetId: p.__id, targetLabel: 'post', type: 'RUSHDB_DEFAULT_RELATION' }))
      )
    )
    const related = await h.db.records.find({ labels: ['post'], where: { Author: { name: 'Ann' } } })
    expect(related.total).toBe(2)
  })

  it('honours capitalizeLabels and relationshipType', async () => {
    const rows = await seed(h, 'team', { name: 'T', member: { name: 'M' } }, { capitalizeLabels: true, relationshipType: 'HAS_MEMBER' })
    expect(rows.map((r) => r.__label)).toEqual(['TEAM', 'MEMBER'])
    const rels = await h.db.relationships.find({ labels: ['TEAM'] })
    expect(rels.data).toEqual([{ sourceId: rows[0].__id, sourceLabel: 'TEAM', targetId: rows[1].__id, targetLabel: 'MEMBER', type: 'HAS_MEMBER' }])
  })

  it('returns data [] for createMany without returnResult, and the SDK does not throw', async () => {
    const res = await h.db.records.createMany({ label: 'X', data: [{ a: 1 }, { a: 2 }], options: { suggestTypes: true } })
    expect(res.data).toEqual([])
    expect((await h.db.records.find({ labels: ['X'] })).total).toBe(2)
  })

  it('attaches out by default, replaces a same-type edge, and detaches all types when none given', async () => {
    const [a, b] = await seed(h, 'V', [{ n: 'a' }, { n: 'b' }])
    const attached = await h.db.records.attach({ source: a.__id, target: b.__id, options: { type: 'KNOWS' } })
    expect(attached.data).toEqual({ message: `Relations to Record ${a.__id} have been successfully created` })
    await h.db.records.attach({ source: a.__id, target: b.__id })
    let rels = await h.db.relationships.find({ where: { n: 'a' } })
    expect(rels.total).toBe(2)
    expect(rels.data.map((r: any) => [r.sourceId, r.targetId, r.type]).sort()).toEqual(
      [
        [a.__id, b.__id, 'KNOWS'],
        [a.__id, b.__id, 'RUSHDB_DEFAULT_RELATION']
      ].sort()
    )
    await h.db.records.attach({ source: a.__id, target: b.__id, options: { type: 'KNOWS', direction: 'in' } })
    rels = await h.db.relationships.find({ where: { n: 'a' } })
    expect(rels.data.filter((r: any) => r.type === 'KNOWS').map((r: any) => [r.sourceId, r.targetId])).toEqual([[b.__id, a.__id]])
    const detached = await h.db.records.detach({ source: a.__id, target: b.__id })
    expect(detached.data).toEqual({ message: `Relations to Record ${a.__id} have been successfully deleted` })
    expect((await h.db.relationships.find({})).total).toBe(0)
  })

  it('answers 403 when attaching to an unknown record', async () => {
    const [a] = await seed(h, 'V', [{ n: 'a' }])
    await expect(h.db.records.attach({ source: a.__id, target: '01900000-0000-7000-8000-000000000000' })).rejects.toThrow('403')
  })

  it('keeps relationships on update and set, searches from a record, and pages relationships', async () => {
    const [hub, ...spokes] = await seed(h, 'Hub', [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }])
    for (const s of spokes) await h.db.records.attach({ source: hub.__id, target: s.__id })
    await h.db.records.update({ target: hub.__id, label: 'Hub', data: { extra: true } })
    await h.db.records.set({ target: hub.__id, label: 'Hub', data: { n: 0 } })
    const near = await h.db.records.find({ id: hub.__id, orderBy: { n: 'asc' } })
    expect(near.total).toBe(3)
    expect(near.data.map((r) => r.data!.n)).toEqual([1, 2, 3])
    const page = await h.db.relationships.find({ where: { n: 0 }, limit: 2, skip: 1 })
    expect(page.total).toBe(3)
    expect(page.data).toHaveLength(2)
    const clamped = await h.raw('POST', '/relationships/search?limit=5000', { where: { n: 0 } })
    expect([clamped.status, clamped.body.data.length, clamped.body.total]).toEqual([200, 3, 3])
  })

  it('deletes records without cascading to related records', async () => {
    const rows = await seed(h, 'Parent', { name: 'p', kid: [{ k: 1 }, { k: 2 }] })
    await h.db.records.deleteById(rows[0].__id)
    const kids = await h.db.records.find({ labels: ['kid'] })
    expect(kids.total).toBe(2)
    expect((await h.db.relationships.find({})).total).toBe(0)
  })
})
