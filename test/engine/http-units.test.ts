import { describe, expect, it } from 'vitest'
import { AsyncLock } from '../../src/engine/http/async-lock.js'
import { isAuthorized } from '../../src/engine/http/auth.js'
import { toCsv } from '../../src/engine/http/csv.js'
import { enginePath } from '../../src/engine/http/in-process-client.js'
import { pagingFromQuery } from '../../src/engine/http/paging-params.js'
import type { Route } from '../../src/engine/http/route-types.js'
import { checkIdParams, matchRoute, splitPath } from '../../src/engine/http/router.js'

describe('toCsv', () => {
  it('writes the union of keys with the leading ones first and RFC-4180 quoting', () => {
    const csv = toCsv(
      [
        { b: 'x', __id: '1', a: 'say "hi"' },
        { __label: 'L', __id: '2', c: ['p', 'q'], a: ' edge', d: null, e: true }
      ],
      ['__id', '__label']
    )
    expect(csv).toBe(['__id,__label,b,a,c,d,e', '1,,x,"say ""hi""",,,', '2,L,,\" edge\","p,q",,true'].join('\r\n'))
    expect(toCsv([])).toBe('')
    expect(toCsv([{ t: 'two\nlines' }])).toBe('t\r\n"two\nlines"')
  })
})

describe('pagingFromQuery', () => {
  it('defaults, clamps like RushDB pagination and rejects non-integers', () => {
    expect(pagingFromQuery(new URLSearchParams(''))).toEqual({ skip: 0, limit: 1000 })
    expect(pagingFromQuery(new URLSearchParams('limit=1001&skip=5'))).toEqual({ skip: 5, limit: 100 })
    expect(pagingFromQuery(new URLSearchParams('limit=0'))).toEqual({ skip: 0, limit: 100 })
    expect(pagingFromQuery(new URLSearchParams('limit=-3&skip=-2'))).toEqual({ skip: 0, limit: 100 })
    expect(() => pagingFromQuery(new URLSearchParams('limit=1.5'))).toThrow(/numeric string is expected/)
    expect(() => pagingFromQuery(new URLSearchParams('skip=ten'))).toThrow(/skip/)
  })
})

describe('router', () => {
  const route = (method: string, pattern: string, when?: (b: unknown) => boolean): Route => ({
    method,
    pattern,
    access: 'public',
    status: 200,
    when,
    handler: () => ({ data: pattern })
  })
  const routes = [route('POST', '/records', (b) => b === 'ids'), route('POST', '/records'), route('POST', '/records/search'), route('GET', '/records/:id')]

  it('matches literal segments, parameters and body predicates in table order', () => {
    const m = (method: string, path: string, body?: unknown) => {
      const found = matchRoute(routes, method, splitPath(path).segments, body)
      return found && [found.route.pattern, found.route.when ? 'when' : '', found.params]
    }
    expect(m('POST', '/records', 'ids')).toEqual(['/records', 'when', {}])
    expect(m('POST', '/records/', {})).toEqual(['/records', '', {}])
    expect(m('GET', '/records/a%20b')).toEqual(['/records/:id', '', { id: 'a b' }])
    expect(m('DELETE', '/records/x')).toBeUndefined()
    expect(splitPath('/relationships/search?limit=5&skip=1').query.get('limit')).toBe('5')
  })

  it('accepts only UUIDs for :id', () => {
    expect(() => checkIdParams({ id: '0190a1b2-0000-7000-8000-000000000000' })).not.toThrow()
    expect(() => checkIdParams({ id: 'undefined' })).toThrow('Invalid id "undefined": expected a UUID')
    expect(() => checkIdParams({ txId: 'anything' })).not.toThrow()
  })
})

describe('auth', () => {
  it('accepts the token header or a bearer key, and everything when no token is configured', () => {
    expect(isAuthorized({ token: 'k' }, 'k')).toBe(true)
    expect(isAuthorized({ authorization: 'Bearer k' }, 'k')).toBe(true)
    expect(isAuthorized({ token: 'k2' }, 'k')).toBe(false)
    expect(isAuthorized({}, 'k')).toBe(false)
    expect(isAuthorized({}, undefined)).toBe(true)
  })
})

describe('enginePath', () => {
  it('strips the origin and the /api/v1 prefix', () => {
    expect(enginePath('http://embedded.local/api/v1/records/search')).toBe('/records/search')
    expect(enginePath('https://h:8443/api/v1/relationships/search?limit=2')).toBe('/relationships/search?limit=2')
    expect(enginePath('/api/v1/tx')).toBe('/tx')
    expect(enginePath('http://embedded.local/api/v1')).toBe('/')
  })
})

describe('AsyncLock', () => {
  it('hands the lock over in FIFO order and refuses tryAcquire while anyone waits', async () => {
    const lock = new AsyncLock()
    const first = lock.tryAcquire()!
    const order: number[] = []
    const a = lock.acquire().then((release) => (order.push(1), release))
    const b = lock.acquire().then((release) => (order.push(2), release))
    expect(lock.tryAcquire()).toBeUndefined()
    first()
    first()
    ;(await a)()
    ;(await b)()
    expect(order).toEqual([1, 2])
    expect(lock.locked).toBe(false)
  })
})
