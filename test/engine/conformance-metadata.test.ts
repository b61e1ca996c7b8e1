import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { propertyId } from '../../src/engine/storage/property-id.js'
import { openHarness, seed, TRANSPORTS, type Harness } from './conformance-transports.js'

describe.each(TRANSPORTS)('labels, properties, export and delete-by-query over %s', (kind) => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness(kind)
  })
  afterEach(async () => {
    await h.close()
  })

  it('counts labels of matching records', async () => {
    await seed(h, 'Cat', [{ age: 1 }, { age: 5 }, { age: 9 }])
    await seed(h, 'Dog', [{ age: 7 }])
    expect((await h.db.labels.find({})).data).toEqual({ Cat: 3, Dog: 1 })
    expect((await h.db.labels.find({ where: { age: { $gt: 4 } } })).data).toEqual({ Cat: 2, Dog: 1 })
    expect((await h.db.labels.find({ labels: ['Dog'] })).data).toEqual({ Dog: 1 })
  })

  it('lists properties of matching records and finds one by id', async () => {
    await seed(h, 'Cat', [{ name: 'Tom', age: 3 }, { name: 'Kit', born: '2020-01-01T00:00:00Z' }])
    await seed(h, 'Dog', [{ name: 'Rex', good: true }])
    const res = await h.db.properties.find({ labels: ['Cat'] })
    expect(res.data).toEqual([
      { id: propertyId('age', 'number'), name: 'age', type: 'number', metadata: '', projectId: expect.any(String) },
      { id: propertyId('born', 'datetime'), name: 'born', type: 'datetime', metadata: '', projectId: expect.any(String) },
      { id: propertyId('name', 'string'), name: 'name', type: 'string', metadata: '', projectId: expect.any(String) }
    ])
    const all = await h.db.properties.find({})
    expect(all.data.map((p: any) => p.name)).toEqual(['age', 'born', 'good', 'name'])
    const one = await h.db.properties.findById(propertyId('name', 'string'))
    expect(one.data).toEqual({ id: propertyId('name', 'string'), name: 'name', type: 'string', metadata: '', recordsCount: 3 })
  })

  it('lists distinct property values with min and max', async () => {
    await seed(h, 'Cat', [{ age: 3 }, { age: 1 }, { age: 3 }, { age: 12 }])
    await seed(h, 'Dog', [{ age: 40 }])
    const id = propertyId('age', 'number')
    const byRecord = await h.db.properties.values(id, { labels: ['Cat'] } as any)
    expect(byRecord.data).toEqual({ values: [3, 1, 12], min: 1, max: 12, type: 'number' })
    const desc = await h.db.properties.values(id, { orderBy: 'desc', limit: 2 } as any)
    expect(desc.data).toEqual({ values: [40, 12], min: 1, max: 40, type: 'number' })
    await seed(h, 'Cat', [{ nick: 'Whiskers' }, { nick: 'whisky' }, { nick: 'Tom' }])
    const q = await h.db.properties.values(propertyId('nick', 'string'), { query: 'WHISK', orderBy: 'asc' } as any)
    expect(q.data).toEqual({ values: ['Whiskers', 'whisky'], min: null, max: null, type: 'string' })
    const none = await h.db.properties.values(id, { labels: ['Nobody'] } as any)
    expect(none.data).toEqual({})
  })

  it('deletes a property from every record carrying it', async () => {
    const rows = await seed(h, 'Cat', [{ name: 'Tom', age: 3 }, { name: 'Kit' }])
    const res = await h.db.properties.delete(propertyId('name', 'string'))
    expect(res.data).toEqual({ message: `Property (${propertyId('name', 'string')}) has been successfully deleted.` })
    const tom = await h.db.records.findById(rows[0].__id)
    expect(tom.data).toEqual({ __id: rows[0].__id, __label: 'Cat', __proptypes: { age: 'number' }, age: 3 })
    expect((await h.db.records.find({ where: { name: { $exists: true } } })).total).toBe(0)
    await expect(h.db.properties.findById(propertyId('name', 'string'))).rejects.toThrow('403')
  })

  it('exports matching records as CSV with labels applied', async () => {
    await seed(h, 'Row', [{ a: 'plain', b: 1 }, { a: 'has, comma', c: 'say "hi"' }, { a: 'line\nbreak', d: [1, 2] }])
    await seed(h, 'Other', [{ a: 'not me' }])
    const res = await h.db.records.export({ labels: ['Row'], orderBy: { a: 'asc' } })
    const { fileContent, dateTime } = res.data as { fileContent: string; dateTime: string }
    expect(Number.isNaN(Date.parse(dateTime))).toBe(false)
    const ids = (await h.db.records.find({ labels: ['Row'], orderBy: { a: 'asc' } })).data.map((r) => r.data!.__id)
    expect(fileContent).toBe(
      [
        '__id,__label,a,c,d,b',
        `${ids[0]},Row,"has, comma","say ""hi""",,`,
        `${ids[1]},Row,"line\nbreak",,"1,2",`,
        `${ids[2]},Row,plain,,,1`
      ].join('\r\n')
    )
  })

  it('deletes every match of a query, ignoring limit, and refuses to delete everything', async () => {
    await seed(h, 'T', Array.from({ length: 5 }, (_, i) => ({ i })))
    await seed(h, 'U', [{ i: 1 }])
    const res = await h.db.records.delete({ labels: ['T'], where: { i: { $gte: 1 } }, limit: 1 })
    expect(res.data).toEqual({ message: 'Records were successfully deleted' })
    expect((await h.db.records.find({ labels: ['T'] })).data.map((r) => r.data!.i)).toEqual([0])
    const refuse = await h.raw('POST', '/records/delete', {})
    expect(refuse.status).toBe(400)
    expect(refuse.body.message).toBe('refusing to delete every record; pass a where')
    expect((await h.raw('POST', '/records/delete', { where: {} })).status).toBe(400)
    await expect(h.db.records.delete({ labels: ['U'], where: {} })).rejects.toThrow(/Empty criteria/)
    const left = await h.raw('POST', '/records/delete', { labels: ['U'] })
    expect(left.status).toBe(201)
    expect((await h.db.records.find({})).total).toBe(1)
  })
})
