import type Database from 'better-sqlite3'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'
import { graph } from './query-fixture.js'

/** Runs a search on a fresh database and returns its result and every SQL statement it prepared. */
function traced(query: SearchQuery) {
  const g = graph()
  g.add('a', 'CUSTOMER', { name: 'Ann', plan: 'pro' })
  g.add('b', 'CUSTOMER', { name: 'Bo', plan: 'pro' })
  g.add('c', 'CUSTOMER', { name: 'Cy', plan: 'free' })
  g.add('s', 'SUBSCRIPTION', { status: 'active' })
  g.link('a', 's')
  const statements: string[] = []
  const db: Database.Database = g.db
  const prepare = db.prepare.bind(db)
  vi.spyOn(db, 'prepare').mockImplementation(((text: string) => {
    statements.push(text)
    return prepare(text)
  }) as typeof db.prepare)
  const result = runSearch(db, query)
  return { result, statements, keys: result.data.map((r) => g.keyOf((r as { __id: string }).__id)) }
}

const CASES: Array<[string, SearchQuery]> = [
  ['no where', { labels: ['CUSTOMER'], orderBy: { name: 'asc' }, limit: 2 }],
  ['property where', { labels: ['CUSTOMER'], where: { plan: 'pro' }, orderBy: { name: 'asc' } }],
  ['related block', { labels: ['CUSTOMER'], where: { SUBSCRIPTION: { status: 'active' } } }],
  ['empty page', { labels: ['CUSTOMER'], where: { plan: 'team' } }]
]

describe('skipTotal (extension): the page without counting', () => {
  beforeEach(() => {
    vi.restoreAllMocks()
  })

  it.each(CASES)('%s: no COUNT in the SQL, same rows, no total', (_name, query) => {
    const counted = traced(query)
    const skipped = traced({ ...query, skipTotal: true })
    expect(counted.statements.some((s) => /COUNT\(/i.test(s))).toBe(true)
    expect(skipped.statements.filter((s) => /COUNT\(/i.test(s))).toEqual([])
    expect(skipped.keys).toEqual(counted.keys)
    expect(typeof counted.result.total).toBe('number')
    expect(skipped.result.total).toBeUndefined()
    expect(skipped.statements).toMatchSnapshot()
  })

  it('skipTotal: false counts as usual', () => {
    const { result, statements } = traced({ labels: ['CUSTOMER'], where: { plan: 'pro' }, skipTotal: false })
    expect(result.total).toBe(2)
    expect(statements.some((s) => s.includes('COUNT(*) OVER ()'))).toBe(true)
  })
})
