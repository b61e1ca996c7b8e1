import { describe, expect, it } from 'vitest'
import { EngineError } from '../../src/engine/errors.js'
import { validateSearchQuery } from '../../src/engine/query/validate-search-query.js'

const error = (body: unknown): EngineError => {
  try {
    validateSearchQuery(body)
  } catch (e) {
    return e as EngineError
  }
  throw new Error('expected a validation error')
}

describe('validateSearchQuery', () => {
  it.each([
    [{ limit: '10' }, 'limit'],
    [{ limit: 1001 }, 'limit'],
    [{ skip: -1 }, 'skip'],
    [{ orderBy: { name: 'up' } }, 'orderBy'],
    [{ labels: 'A' }, 'labels'],
    [{ where: [] }, 'where'],
    [{ where: { name: { $regex: 'x' } } }, 'where.name.$regex: unknown operator'],
    [{ where: { $foo: 1 } }, 'where.$foo: unknown operator'],
    [{ where: { n: { $in: [] } } }, 'where.n.$in: $in needs a non-empty array'],
    [{ where: { n: { $in: [1, 'a'] } } }, 'where.n.$in'],
    [{ where: { n: { $gt: true } } }, 'where.n.$gt'],
    [{ where: { n: { $type: 'text' } } }, 'where.n.$type'],
    [{ where: { SUB: { x: { $exists: 'yes' } } } }, 'where.SUB.x.$exists'],
    [{ select: { a: { $count: '*' } }, aggregate: {} }, 'select and aggregate'],
    [{ skipTotal: 'yes' }, 'skipTotal: must be true or false'],
    [{ select: { a: { $ref: 'b' }, b: { $ref: 'a' } } }, '$ref cycle'],
    [{ select: { a: { $sum: 'nope' } } }, 'select.a.$sum'],
    [{ select: { a: { $timeBucket: { field: '$record.at', unit: 'decade' } } } }, 'select.a.$timeBucket.unit'],
    [{ aggregate: { a: { fn: 'median', alias: '$record', field: 'x' } } }, 'aggregate.a.fn'],
    [{ groupBy: [1] }, 'groupBy']
  ])('rejects %j with 400 naming %s', (body, message) => {
    const e = error(body)
    expect(e).toBeInstanceOf(EngineError)
    expect(e.status).toBe(400)
    expect(e.message).toContain(message)
  })
  it('accepts quotes, dashes and odd property names', () => {
    const q = { where: { 'we"ird -- name': "it's \"quoted\" -- ok" }, limit: 1000, skip: 0, orderBy: 'asc' }
    expect(validateSearchQuery(q)).toEqual(q)
  })
})
