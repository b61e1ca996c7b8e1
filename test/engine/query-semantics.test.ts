import { beforeAll, describe, expect, it } from 'vitest'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'
import { graph } from './query-fixture.js'

const g = graph()
beforeAll(() => {
  g.add('a', 'ITEM', { name: 'alpha', n: 1, tags: ['x', 'y'], flag: true, at: '2024-01-01T10:00:00+02:00', note: 'He said "hi" -- 50% off_now' }, { at: 'datetime' })
  g.add('b', 'ITEM', { name: 'Beta', n: 5, tags: ['y'], flag: false, at: '2024-01-01T09:00:00Z', 'weird name-"x"': 'ok' }, { at: 'datetime' })
  g.add('c', 'ITEM', { name: 'gamma', n: 10, tags: [], flag: 1, at: '2023-06-01T00:00:00Z' }, { at: 'datetime' })
  g.add('d', 'ITEM', { name: 'delta', n: null })
  g.add('e', 'OTHER', { name: 'alpha', n: 1 })
})
const keys = (q: SearchQuery) => runSearch(g.db, q).data.map((r) => g.keyOf((r as { __id: string }).__id)).sort()
const item = (where: Record<string, unknown>) => keys({ labels: ['ITEM'], where })

describe('labels and equality', () => {
  it('labels OR and equality', () => {
    expect(keys({ labels: ['ITEM', 'OTHER'], where: { name: 'alpha' } })).toEqual(['a', 'e'])
    expect(keys({ where: { n: 1 } })).toEqual(['a', 'e'])
    expect(item({ name: 'beta' })).toEqual([])
  })
  it('booleans never match numbers', () => {
    expect(item({ flag: true })).toEqual(['a'])
    expect(item({ flag: 1 })).toEqual(['c'])
    expect(item({ n: { $gte: 0, $lte: 1 } })).toEqual(['a'])
  })
  it('arrays: some element, array value = AND', () => {
    expect(item({ tags: 'y' })).toEqual(['a', 'b'])
    expect(item({ tags: ['x', 'y'] })).toEqual(['a'])
    expect(item({ tags: { $ne: 'x' } })).toEqual(['a', 'b'])
  })
  it('null, $exists, $type', () => {
    expect(item({ n: null })).toEqual(['d'])
    expect(item({ tags: { $exists: true } })).toEqual(['a', 'b', 'c'])
    expect(item({ tags: { $exists: false } })).toEqual(['d'])
    expect(item({ flag: { $type: 'boolean' } })).toEqual(['a', 'b'])
  })
  it('missing fields never match $ne / $nin; empty arrays match $nin', () => {
    expect(item({ flag: { $ne: true } })).toEqual(['b', 'c'])
    expect(item({ tags: { $nin: ['x'] } })).toEqual(['b', 'c'])
    expect(item({ n: { $in: [1, 10] } })).toEqual(['a', 'c'])
  })
  it('string operators: $contains literal and case-insensitive; starts/ends case-sensitive', () => {
    expect(item({ name: { $contains: 'ALP' } })).toEqual(['a'])
    expect(item({ note: { $contains: '50% off_' } })).toEqual(['a'])
    expect(item({ note: { $contains: '5_%' } })).toEqual([])
    expect(item({ note: { $contains: '"hi" --' } })).toEqual(['a'])
    expect(item({ name: { $startsWith: 'B' } })).toEqual(['b'])
    expect(item({ name: { $startsWith: 'b' } })).toEqual([])
    expect(item({ name: { $endsWith: 'ta' } })).toEqual(['b', 'd'])
    expect(item({ 'weird name-"x"': 'ok' })).toEqual(['b'])
  })
  it('datetimes compare chronologically across offsets', () => {
    expect(item({ at: { $lt: '2024-01-01T08:30:00Z' } })).toEqual(['a', 'c'])
    expect(item({ at: { $gt: { $year: 2024 } } })).toEqual(['a', 'b'])
    expect(item({ at: { $year: 2023, $month: 6, $day: 1 } })).toEqual(['c'])
    expect(item({ at: { $year: 2023 } })).toEqual([])
  })
  it('extension: plain strings and $id compare lexicographically', () => {
    expect(item({ name: { $gt: 'b' } })).toEqual(['c', 'd'])
    expect(item({ $or: [{ name: { $gt: 'delta' } }, { name: 'delta', $id: { $gte: g.id('d') } }] })).toEqual(['c', 'd'])
  })
})

describe('logical groups', () => {
  it('$or / $and / $not / $nor, also inside a field', () => {
    expect(item({ $or: [{ name: 'alpha' }, { n: 5 }] })).toEqual(['a', 'b'])
    expect(item({ $not: { name: 'alpha' } })).toEqual(['b', 'c', 'd'])
    expect(item({ $nor: [{ name: 'alpha' }, { n: 5 }] })).toEqual(['c', 'd'])
    expect(item({ n: { $or: [{ $gt: 6 }, { $lt: 2 }] } })).toEqual(['a', 'c'])
    expect(item({ name: { $or: ['alpha', 'gamma'] } })).toEqual(['a', 'c'])
  })
  it('$xor is parity', () => {
    expect(item({ $xor: [{ name: 'alpha' }, { n: 1 }, { tags: 'x' }] })).toEqual(['a'])
    expect(item({ $xor: [{ name: 'alpha' }, { n: 5 }] })).toEqual(['a', 'b'])
  })
  it('$id', () => {
    expect(item({ $id: g.id('b') })).toEqual(['b'])
    expect(item({ $id: { $in: [g.id('a'), g.id('c')] } })).toEqual(['a', 'c'])
  })
  it('$id lists longer than 16 (sent as one JSON array) select the same records', () => {
    // Unknown ids pad the lists past the threshold; a record of another label never matches.
    const pad = Array.from({ length: 20 }, (_, i) => `0190a000-0000-7000-8000-${String(i).padStart(12, '0')}`)
    expect(item({ $id: { $in: [...pad, g.id('a'), g.id('c'), g.id('e'), g.id('a')] } })).toEqual(['a', 'c'])
    expect(item({ $id: { $nin: [...pad, g.id('a'), g.id('c')] } })).toEqual(['b', 'd'])
    expect(item({ $or: [{ $id: { $in: [...pad, g.id('b')] } }, { name: 'gamma' }] })).toEqual(['b', 'c'])
  })
})

describe('ordering and paging', () => {
  it('orders with nulls last asc / first desc and ties by id', () => {
    const order = (orderBy: SearchQuery['orderBy']) => runSearch(g.db, { labels: ['ITEM'], orderBy }).data.map((r) => g.keyOf((r as { __id: string }).__id))
    expect(order({ n: 'asc' })).toEqual(['a', 'b', 'c', 'd'])
    expect(order({ n: 'desc' })).toEqual(['d', 'c', 'b', 'a'])
    expect(order(undefined)).toEqual(['d', 'c', 'b', 'a'])
    expect(order({ __id: 'asc' })).toEqual(['a', 'b', 'c', 'd'])
  })
  it('limit/skip apply after filtering; total ignores paging', () => {
    const r = runSearch(g.db, { labels: ['ITEM'], orderBy: 'asc', limit: 2, skip: 1 })
    expect(r.total).toBe(4)
    expect(r.data.map((x) => g.keyOf((x as { __id: string }).__id))).toEqual(['b', 'c'])
    expect(runSearch(g.db, { labels: ['ITEM'], where: { n: 1 }, skip: 5 }).total).toBe(1)
  })
})
