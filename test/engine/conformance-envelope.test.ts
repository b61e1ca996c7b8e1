import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openHarness, TRANSPORTS, type Harness } from './conformance-transports.js'

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe.each(TRANSPORTS)('envelope, status codes and auth over %s', (kind) => {
  let h: Harness
  beforeEach(async () => {
    h = await openHarness(kind)
  })
  afterEach(async () => {
    await h.close()
  })

  it('answers settings with 200 and no token, on both settings paths', async () => {
    for (const path of ['/sdk/settings', '/settings']) {
      const res = await h.raw('GET', path, undefined, {})
      expect(res.status).toBe(200)
      expect(res.body).toEqual({
        success: true,
        data: { selfHosted: true, dashboardUrl: '', googleOAuthEnabled: false, githubOAuthEnabled: false, customDb: false }
      })
    }
  })

  it('uses 201 for create, PATCH, PUT, import, delete-by-query and attach; 200 elsewhere', async () => {
    const created = await h.raw('POST', '/records', { label: 'A', data: { n: 1 } })
    expect(created.status).toBe(201)
    expect(created.body.success).toBe(true)
    expect(created.body.data.__id).toMatch(UUIDV7)
    const id = created.body.data.__id
    const other = (await h.raw('POST', '/records', { label: 'B', data: { n: 2 } })).body.data.__id
    expect((await h.raw('PATCH', `/records/${id}`, { label: 'A', data: { m: 1 } })).status).toBe(201)
    expect((await h.raw('PUT', `/records/${id}`, { label: 'A', data: { n: 3 } })).status).toBe(201)
    expect((await h.raw('GET', `/records/${id}`)).status).toBe(200)
    expect((await h.raw('POST', `/relationships/${id}`, { targetIds: [other] })).status).toBe(201)
    expect((await h.raw('PUT', `/relationships/${id}`, { targetIds: [other] })).status).toBe(200)
    const search = await h.raw('POST', '/records/search', { labels: ['A'] })
    expect(search.status).toBe(200)
    expect(search.body).toEqual({ success: true, data: [{ __id: id, __label: 'A', __proptypes: { n: 'number' }, n: 3 }], total: 1 })
    expect((await h.raw('POST', '/records/import/json', { label: 'C', data: [{ x: 1 }] })).status).toBe(201)
    expect((await h.raw('POST', '/records/delete', { where: { x: 1 } })).status).toBe(201)
    const del = await h.raw('DELETE', `/records/${other}`)
    expect(del).toEqual({ status: 200, body: { success: true, data: { message: `Record ${other} was successfully deleted` } } })
  })

  it('answers 403 Forbidden resource for a missing or wrong token', async () => {
    for (const headers of [{}, { token: 'wrong' }, { authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const res = await h.raw('POST', '/records/search', {}, headers)
      expect(res.status).toBe(403)
      expect(res.body).toEqual({ statusCode: 403, message: 'Forbidden resource', error: 'Forbidden' })
    }
    const bearer = await h.raw('POST', '/records/search', {}, { authorization: 'Bearer conformance-token' })
    expect(bearer.status).toBe(200)
  })

  it('answers 403 for unknown ids on :id routes and 400 for ids that are not UUIDs', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000'
    for (const [method, path] of [
      ['GET', `/records/${unknown}`],
      ['PATCH', `/records/${unknown}`],
      ['DELETE', `/records/${unknown}`],
      ['POST', `/records/${unknown}/search`],
      ['GET', `/properties/${unknown}`],
      ['DELETE', `/properties/${unknown}`]
    ]) {
      const res = await h.raw(method, path, method === 'PATCH' ? { label: 'A', data: { a: 1 } } : undefined)
      expect([method, path, res.status]).toEqual([method, path, 403])
    }
    const bad = await h.raw('GET', '/records/not-a-uuid')
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('not-a-uuid')
    await expect(h.db.records.findById(unknown)).rejects.toThrow('403')
  })

  it('answers 404 for unknown routes', async () => {
    const res = await h.raw('POST', '/nothing/here', {})
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ statusCode: 404, message: 'Cannot POST /api/v1/nothing/here', error: 'Not Found' })
    expect((await h.raw('GET', '/records/search')).status).toBe(400)
  })

  it('answers 400 with a message for a bad limit and an unknown operator', async () => {
    const limit = await h.raw('POST', '/records/search', { limit: 5000 })
    expect(limit.status).toBe(400)
    expect(limit.body.statusCode).toBe(400)
    expect(limit.body.message).toMatch(/limit/)
    const op = await h.raw('POST', '/records/search', { where: { age: { $bogus: 1 } } })
    expect(op.status).toBe(400)
    expect(op.body.message).toMatch(/\$bogus/)
    await expect(h.db.records.find({ limit: 0 })).rejects.toThrow('400')
  })

  it('answers 400 for a non-integer relationships paging parameter', async () => {
    const res = await h.raw('POST', '/relationships/search?limit=abc', {})
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/limit/)
  })

  it.runIf(kind === 'http')('answers 400 with a message for malformed JSON', async () => {
    const res = await h.raw('POST', '/records/search', '{"where": {')
    expect(res.status).toBe(400)
    expect(res.body.statusCode).toBe(400)
    expect(res.body.message).toMatch(/^Malformed JSON body/)
  })

  it('rejects write bodies with disallowed keys with 400', async () => {
    const res = await h.raw('POST', '/records', { label: 'A', data: { __id: 'x', n: 1 } })
    expect(res.status).toBe(400)
    expect(res.body.message).toContain('__id')
    expect((await h.raw('POST', '/records/search', {})).body.total).toBe(0)
  })
})
