import { describe, expect, it } from 'vitest'
import { compileMatch } from '../../src/engine/query/compile-match.js'
import { compileSearch } from '../../src/engine/query/compile-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'

const cases: Array<[string, SearchQuery]> = [
  ['empty', {}],
  ['one label', { labels: ['CUSTOMER'] }],
  ['several labels', { labels: ['A', 'B'] }],
  ['string equality', { where: { name: 'Acme' } }],
  ['number and boolean', { where: { mrr: 100, active: true } }],
  ['null', { where: { churnedAt: null } }],
  ['array AND', { where: { tags: ['a', 'b'] } }],
  ['ranges', { where: { mrr: { $gte: 10, $lt: 20 } } }],
  ['datetime range', { where: { signedAt: { $gt: '2024-01-01T00:00:00+02:00' } } }],
  ['datetime object', { where: { signedAt: { $year: 2024, $month: 5 } } }],
  ['string range (extension)', { where: { name: { $gt: 'M' } } }],
  ['$in / $nin', { where: { plan: { $in: ['pro', 'team'] }, region: { $nin: ['eu'] } } }],
  ['$ne', { where: { plan: { $ne: 'free' } } }],
  ['string operators', { where: { name: { $contains: '50%_x', $startsWith: 'Ac', $endsWith: 'me' } } }],
  ['$exists / $type', { where: { email: { $exists: false }, mrr: { $type: 'number' } } }],
  ['logical groups', { where: { $or: [{ plan: 'pro' }, { $and: [{ mrr: { $gt: 5 } }, { $not: { region: 'eu' } }] }], $nor: [{ a: 1 }] } }],
  ['$xor', { where: { $xor: [{ a: 1 }, { b: 2 }, { c: 3 }] } }],
  ['field-level $or', { where: { rating: { $or: [{ $gt: 4 }, { $lt: 1 }] } } }],
  ['$id', { where: { $id: { $in: ['0190a000-0000-7000-8000-000000000001'] } } }],
  ['related any', { labels: ['CUSTOMER'], where: { SUBSCRIPTION: { status: 'active' } } }],
  ['related typed in', { where: { TICKET: { $relation: { type: 'ABOUT', direction: 'in' } } } }],
  ['related types array out', { where: { SUB: { $relation: { type: ['A', 'B'], direction: 'out' } } } }],
  ['nested related', { where: { DEPT: { PROJECT: { name: 'x' } } } }],
  ['related in $or', { where: { $or: [{ SUB: {} }, { plan: 'pro' }] } }],
  ['churn', { labels: ['CUSTOMER'], where: { plan: 'pro', SUBSCRIPTION: { status: 'active' }, SUPPORT_TICKET: { status: 'open', sentiment: 'negative' } }, orderBy: { name: 'asc' }, limit: 50 }],
  ['multi-key order and paging', { orderBy: { plan: 'asc', mrr: 'desc' }, skip: 10, limit: 5 }]
]

describe('SearchQuery → SQL', () => {
  it.each(cases)('%s', (_name, query) => {
    const { count, page } = compileSearch(query)
    expect({ page: page.sql, count: count.sql, params: page.params }).toMatchSnapshot()
  })
  it('compileMatch returns one rid column with scope', () => {
    expect(compileMatch({ labels: ['A'], where: { x: 1 } }, { relatedToRid: 7 })).toMatchSnapshot()
  })
})
