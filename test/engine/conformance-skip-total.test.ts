import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHarness, seed, TRANSPORTS, type Harness } from './conformance-transports.js'

describe.each(TRANSPORTS)('skipTotal (extension) over %s', (kind) => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness(kind)
    await seed(h, 'P', [{ name: 'ann', Post: { title: 'p1' } }, { name: 'bob' }, { name: 'cat', Post: { title: 'p2' } }])
  })
  afterEach(async () => {
    await h.close()
  })

  it('answers the same page without a total in the envelope', async () => {
    const query = { labels: ['P'], where: { Post: {} }, orderBy: { name: 'asc' }, limit: 1 }
    const counted = await h.raw('POST', '/records/search', query)
    const skipped = await h.raw('POST', '/records/search', { ...query, skipTotal: true })
    expect(counted.body.total).toBe(2)
    expect(skipped.status).toBe(200)
    expect(skipped.body).toEqual({ success: true, data: counted.body.data })
    expect('total' in skipped.body).toBe(false)
  })

  it('passes through the SDK, and works on the related-records route', async () => {
    const res = await h.db.records.find({ labels: ['P'], orderBy: { name: 'asc' }, skipTotal: true } as any)
    expect(res.data.map((r) => r.data!.name)).toEqual(['ann', 'bob', 'cat'])
    // SDK 1.8.0 reports 0 when the envelope has no total: callers that skip it must not read it.
    expect(res.total).toBe(0)
    const ann = res.data[0].data!.__id as string
    const related = await h.raw('POST', `/records/${ann}/search`, { labels: ['Post'], skipTotal: true })
    expect(related.body.data.map((r: { title: string }) => r.title)).toEqual(['p1'])
    expect('total' in related.body).toBe(false)
  })

  it('rejects a flag that is not a boolean with 400', async () => {
    const res = await h.raw('POST', '/records/search', { skipTotal: 1 })
    expect(res.status).toBe(400)
    expect(res.body.message).toBe('skipTotal: must be true or false')
  })
})
