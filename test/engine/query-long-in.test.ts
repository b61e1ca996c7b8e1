import { describe, expect, it } from 'vitest'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'
import { graph } from './query-fixture.js'

const g = graph()
for (let i = 0; i < 60; i++) {
  g.add(`r${i}`, i % 3 === 0 ? 'EVENT' : 'CUSTOMER', { code: `c-${i}`, n: i, flag: i % 2 === 0, tags: [`t${i % 5}`, `u${i % 7}`], at: `2024-01-${String((i % 28) + 1).padStart(2, '0')}T00:00:00Z` }, { at: 'datetime' })
}
const keys = (q: SearchQuery) => runSearch(g.db, q).data.map((r) => g.keyOf((r as { __id: string }).__id)).sort()
/** The same filter answered value by value: the union of `= value` matches. */
const oneByOne = (label: string, field: string, values: unknown[]) => [...new Set(values.flatMap((v) => keys({ labels: [label], where: { [field]: v } })))].sort()

describe('$in with long lists (one JSON parameter)', () => {
  it('matches what each value matches alone, for strings, numbers, booleans, array elements and datetimes', () => {
    const strings = [...Array.from({ length: 40 }, (_, i) => `c-${i * 2}`), 'missing', "it's -- \"quoted\""]
    expect(keys({ labels: ['CUSTOMER'], where: { code: { $in: strings } } })).toEqual(oneByOne('CUSTOMER', 'code', strings))
    const numbers = Array.from({ length: 30 }, (_, i) => i * 1.5)
    expect(keys({ labels: ['CUSTOMER'], where: { n: { $in: numbers } } })).toEqual(oneByOne('CUSTOMER', 'n', numbers))
    const booleans = Array.from({ length: 20 }, () => true)
    expect(keys({ labels: ['EVENT'], where: { flag: { $in: booleans } } })).toEqual(oneByOne('EVENT', 'flag', [true]))
    const tags = Array.from({ length: 20 }, (_, i) => `u${i}`)
    expect(keys({ labels: ['CUSTOMER'], where: { tags: { $in: tags } } })).toEqual(oneByOne('CUSTOMER', 'tags', tags))
    const days = Array.from({ length: 20 }, (_, i) => ({ $year: 2024, $month: 1, $day: i + 3 }))
    expect(keys({ labels: ['CUSTOMER'], where: { at: { $in: days } } })).toEqual(oneByOne('CUSTOMER', 'at', days))
    // $nin is the complement among records that have the property.
    const all = keys({ labels: ['CUSTOMER'] })
    const within = keys({ labels: ['CUSTOMER'], where: { code: { $in: strings } } })
    expect(keys({ labels: ['CUSTOMER'], where: { code: { $nin: strings } } })).toEqual(all.filter((k) => !within.includes(k)))
  })

  it('keeps one statement text whatever the list length', () => {
    const fresh = graph()
    fresh.add('a', 'CUSTOMER', { code: 'x-30-3' })
    const seen = new Set<string>()
    const prepare = fresh.db.prepare.bind(fresh.db)
    fresh.db.prepare = ((source: string) => (seen.add(source), prepare(source))) as typeof fresh.db.prepare
    const found: number[] = []
    try {
      for (const length of [17, 30, 45]) found.push(runSearch(fresh.db, { labels: ['CUSTOMER'], skipTotal: true, where: { code: { $in: Array.from({ length }, (_, i) => `x-${length}-${i}`) } } }).data.length)
    } finally {
      fresh.db.prepare = prepare as typeof fresh.db.prepare
    }
    expect(found).toEqual([0, 1, 0])
    expect([...seen].filter((s) => s.includes('FROM vals'))).toHaveLength(1)
  })
})
