import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHarness, seed, TRANSPORTS, type Harness } from './conformance-transports.js'

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe.each(TRANSPORTS)('records over %s', (kind) => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness(kind)
  })
  afterEach(async () => {
    await h.close()
  })

  it('creates a record with inferred types, a UUIDv7 id and no timestamps', async () => {
    const rec = await h.db.records.create({
      label: 'Customer',
      data: { name: 'Acme', mrr: 1200.5, active: true, signedAt: '2024-05-01T00:00:00Z', tags: ['a', 'b'], scores: [1, 2] }
    })
    expect(rec.data).toEqual({
      __id: rec.data!.__id,
      __label: 'Customer',
      __proptypes: { name: 'string', mrr: 'number', active: 'boolean', signedAt: 'datetime', tags: 'string', scores: 'number' },
      name: 'Acme',
      mrr: 1200.5,
      active: true,
      signedAt: '2024-05-01T00:00:00Z',
      tags: ['a', 'b'],
      scores: [1, 2]
    })
    expect(rec.data!.__id).toMatch(UUIDV7)
    expect(Math.abs(rec.timestamp() - Date.now())).toBeLessThan(60_000)
    const again = await h.db.records.findById(rec.data!.__id)
    expect(again.data).toEqual(rec.data)
  })

  it('gets a batch of records by ids, skipping unknown ones', async () => {
    const [a, b] = await seed(h, 'Item', [{ n: 1 }, { n: 2 }])
    const unknown = '01900000-0000-7000-8000-000000000000'
    const res = await h.db.records.findById([b.__id, unknown, a.__id])
    expect(res.total).toBe(2)
    expect(res.data.map((r) => r.data)).toEqual([b, a])
  })

  it('merges on update and replaces on set', async () => {
    const rec = await h.db.records.create({ label: 'P', data: { a: 1, b: 'x' } })
    const updated = await h.db.records.update({ target: rec.data!.__id, label: 'P', data: { b: 'y', c: true } })
    expect(updated.data).toEqual({
      __id: rec.data!.__id,
      __label: 'P',
      __proptypes: { a: 'number', b: 'string', c: 'boolean' },
      a: 1,
      b: 'y',
      c: true
    })
    const set = await h.db.records.set({ target: rec.data!.__id, label: 'Q', data: { d: 2 } })
    expect(set.data).toEqual({ __id: rec.data!.__id, __label: 'Q', __proptypes: { d: 'number' }, d: 2 })
    const found = await h.db.records.find({ where: { a: 1 } })
    expect(found.total).toBe(0)
  })

  it('finds newest first by default, pages after filtering and reports the full total', async () => {
    const rows = await seed(h, 'N', Array.from({ length: 12 }, (_, i) => ({ i, even: i % 2 === 0 })))
    const page = await h.db.records.find({ labels: ['N'], where: { even: true }, limit: 2, skip: 1 })
    expect(page.total).toBe(6)
    expect(page.data.map((r) => r.data!.i)).toEqual([8, 6])
    const asc = await h.db.records.find({ labels: ['N'], orderBy: { i: 'asc' }, limit: 3 })
    expect(asc.data.map((r) => r.data!.i)).toEqual([0, 1, 2])
    const one = await h.db.records.findOne({ labels: ['N'], where: { i: 5 } })
    expect(one.data).toEqual(rows[5])
    const none = await h.db.records.find({ labels: ['Nope'] })
    expect([none.total, none.data.length]).toEqual([0, 0])
  })

  it('matches any of several labels', async () => {
    await seed(h, 'A', [{ k: 1 }])
    await seed(h, 'B', [{ k: 2 }])
    await seed(h, 'C', [{ k: 3 }])
    const res = await h.db.records.find({ labels: ['A', 'C'], orderBy: { k: 'asc' } })
    expect(res.data.map((r) => r.data!.k)).toEqual([1, 3])
  })

  it('round-trips quotes and comment markers in values and property names exactly', async () => {
    const key = `it's "quoted" -- name`
    const value = `O'Brien "the --hacker"; DROP TABLE records; --`
    const rec = await h.db.records.create({ label: `La"bel'--`, data: { [key]: value, plain: `--` } })
    expect(rec.data![key]).toBe(value)
    const found = await h.db.records.find({ labels: [`La"bel'--`], where: { [key]: value } })
    expect(found.total).toBe(1)
    expect(found.data[0].data).toEqual(rec.data)
    const contains = await h.db.records.find({ where: { [key]: { $contains: `"THE --` } } })
    expect(contains.total).toBe(1)
    const props = await h.db.properties.find({ labels: [`La"bel'--`] })
    expect(props.data.map((p: any) => p.name).sort()).toEqual([key, 'plain'].sort())
  })

  it('deletes by id and by a list of ids', async () => {
    const [a, b, c] = await seed(h, 'D', [{ n: 1 }, { n: 2 }, { n: 3 }])
    const res = await h.db.records.deleteById(a.__id)
    expect(res.data).toEqual({ message: `Record ${a.__id} was successfully deleted` })
    await expect(h.db.records.findById(a.__id)).rejects.toThrow('403')
    await h.db.records.deleteById([b.__id, c.__id])
    expect((await h.db.records.find({ labels: ['D'] })).total).toBe(0)
  })

  it('writes nothing when a write fails', async () => {
    await expect(h.db.records.create({ label: 'F', data: { a: [1, 'mixed'] as any } })).rejects.toThrow('400')
    const res = await h.raw('POST', '/records/import/json', {
      label: 'F',
      data: [{ ok: 1 }, { ok: 2, child: { nested: { $gt: 1 } } }],
      options: { suggestTypes: true, returnResult: true }
    })
    expect(res.status).toBe(400)
    expect((await h.db.records.find({})).total).toBe(0)
  })
})
