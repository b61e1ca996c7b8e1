import { beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../src/demo/prng.js'
import { GraphIndex } from '../../src/engine/index/graph-index.js'
import { compileSearch } from '../../src/engine/query/compile-search.js'
import { ColumnEvaluator } from '../../src/engine/query/evaluate-columns.js'
import { parseAggregateMap } from '../../src/engine/query/parse-aggregate.js'
import { parseSelectMap } from '../../src/engine/query/parse-select.js'
import { RecordCache } from '../../src/engine/query/record-cache.js'
import { normalizeOrder } from '../../src/engine/query/compile-order.js'
import { readColumnRows, rootOrder, runColumnGroups } from '../../src/engine/query/run-column-groups.js'
import { runGrouped } from '../../src/engine/query/run-grouped.js'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'
import type { PropertyType } from '../../src/engine/types.js'
import { graph } from './query-fixture.js'

// groupBy over root properties has a column path (run-column-groups.ts) beside the generic
// evaluator (run-grouped.ts). Both must give the same rows, in the same order, with the same total,
// on data full of edge cases: absent and null values, arrays, numbers stored as strings, mixed
// types, float sums whose value depends on the order of addition, datetimes, ordering and paging.

const ABSENT = Symbol('absent')
const REGIONS: unknown[] = ['EMEA', 'APAC', 'AMER', 'EMEA', 'APAC', null, ABSENT, ['EMEA'], ['EMEA', 'APAC'], [], 5, '5', true, 'emea']
const AMOUNTS: unknown[] = [0.1, 0.2, 19.99, 1e16, 1, -1e16, -0, 3, 42.5, '12.5', null, ABSENT, [1.5, 2.25], [], true, 'abc', [0.1, 'x', null], 7]
const TIERS: unknown[] = ['a', 'b', 'a', ABSENT, 2]
const DATES: unknown[] = [9e15, -1e17, 1700000000000, '2024-01-15T12:00:00Z', '2024-03-31T23:59:59Z', '2023-12-31T00:00:00.000Z', '2024-02-29T10:00:00+02:00', 'not a date', ABSENT, null, ['2024-05-01T00:00:00Z']]

const g = graph()
let index: GraphIndex

beforeAll(() => {
  const random = mulberry32(11)
  const pick = (items: unknown[]) => items[Math.floor(random() * items.length)]
  for (let i = 0; i < 300; i++) {
    const props: Record<string, unknown> = {}
    const types: Record<string, PropertyType> = {}
    const put = (name: string, value: unknown, type?: PropertyType) => {
      if (value === ABSENT) return
      props[name] = value
      if (type) types[name] = type
    }
    put('region', pick(REGIONS))
    // A string amount is stored with type number too, as an import with suggested types can leave it.
    const amount = pick(AMOUNTS)
    put('mrr', amount, typeof amount === 'string' && random() < 0.5 ? 'number' : undefined)
    put('tier', pick(TIERS))
    put('signedAt', pick(DATES), 'datetime')
    g.add(`a${i}`, 'ACCOUNT', props, types)
    if (i % 7 === 0) {
      g.add(`s${i}`, 'SUB', { amount: i })
      g.link(`a${i}`, `s${i}`, 'HAS')
    }
  }
  g.add('other', 'OTHER', { region: 'EMEA', mrr: 1 })
  index = new GraphIndex(1)
})

/** The generic path's rows and total for a groupBy query (what runSearch answered before the column path). */
function generic(query: SearchQuery): { data: unknown[]; total: number } {
  const compiled = compileSearch(query)
  const select = query.select ? parseSelectMap(query.select, 'select') : parseAggregateMap(query.aggregate ?? {}, 'aggregate')
  const roots = (g.db.prepare(compiled.all.sql).raw().all(...compiled.all.params) as Array<[number]>).map((r) => r[0])
  const evaluator = new ColumnEvaluator(g.db, new RecordCache(g.db), compiled.ctx.aliases)
  return { data: runGrouped(evaluator, select, query, roots), total: roots.length }
}

function columnPath(query: SearchQuery) {
  const select = query.select ? parseSelectMap(query.select, 'select') : parseAggregateMap(query.aggregate ?? {}, 'aggregate')
  return runColumnGroups(g.db, compileSearch(query), select, query)
}

const DIMS: Record<string, unknown> = {
  region: '$record.region',
  tier: '$self.tier',
  month: { $timeBucket: { field: '$record.signedAt', unit: 'month' } },
  week: { $timeBucket: { field: '$record.signedAt', unit: 'weeks', size: 2 } },
  quarter: { $timeBucket: { field: '$record.signedAt', unit: 'quarter' } },
  day: { $timeBucket: { field: '$record.signedAt', unit: 'day', size: 3 } }
}
const MEASURES: Record<string, unknown> = {
  count: { $count: '*' },
  rows: { $count: '$record' },
  values: { $count: '$record.mrr' },
  regions: { $count: '$record.region' },
  sum: { $sum: '$record.mrr' },
  avg: { $avg: '$record.mrr' },
  avg2: { $avg: '$record.mrr', $precision: 2 },
  avg0: { $avg: '$record.mrr', $precision: 0 },
  min: { $min: '$record.mrr' },
  max: { $max: '$record.mrr' },
  minRegion: { $min: '$record.region' },
  maxDate: { $max: '$record.signedAt' },
  note: 'fixed',
  plain: '$record.tier'
}
const WHERES: Array<Record<string, unknown> | undefined> = [undefined, undefined, { tier: 'a' }, { mrr: { $gt: 2 } }, { region: 'EMEA' }, { tier: 'zzz' }, { SUB: { amount: { $gte: 0 } } }]

function queryGenerator(random: () => number) {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]
  const some = (names: string[], max: number) => names.filter(() => random() < max / names.length)
  return (): SearchQuery => {
    const dims = some(Object.keys(DIMS), 1.3)
    const measures = some(Object.keys(MEASURES), 4)
    const select: Record<string, unknown> = {}
    for (const m of measures) select[m] = MEASURES[m]
    for (const d of dims) select[d] = DIMS[d]
    const groupBy = dims.length === 0 ? [measures.find((m) => m !== 'note' && m !== 'plain') ?? 'count'] : random() < 0.2 ? [...dims, '$record.tier'] : dims
    if (!select[groupBy[0]]) select[groupBy[0]] = MEASURES.count
    const keys = [...Object.keys(select), 'mrr', 'region', '__id', 'missing']
    const order: Record<string, 'asc' | 'desc'> = {}
    for (let i = Math.floor(random() * 3); i > 0; i--) order[pick(keys)] = random() < 0.5 ? 'asc' : 'desc'
    const query: SearchQuery = { labels: ['ACCOUNT'], select, groupBy }
    const where = pick(WHERES)
    if (where) query.where = where
    if (Object.keys(order).length) query.orderBy = order
    if (random() < 0.3) query.limit = 1 + Math.floor(random() * 5)
    if (random() < 0.2) query.skip = Math.floor(random() * 4)
    return query
  }
}

describe('groupBy: column path versus generic evaluation', () => {
  it('same rows, order and total on 300 generated queries (plain, indexed and through runSearch)', () => {
    const next = queryGenerator(mulberry32(3))
    let fast = 0
    for (let i = 0; i < 300; i++) {
      const query = next()
      const expected = generic(query)
      const columns = columnPath(query)
      const label = JSON.stringify(query)
      if (columns) {
        fast++
        expect(columns, label).toStrictEqual(expected)
        expect(JSON.stringify(columns), label).toBe(JSON.stringify(expected))
      }
      expect(runSearch(g.db, query), label).toStrictEqual(expected)
      expect(runSearch(g.db, query, undefined, index), label).toStrictEqual(expected)
    }
    // Most generated queries must take the column path, or this test would compare the generic path with itself.
    expect(fast).toBeGreaterThan(220)
  })

  it('legacy aggregate maps (count with uniq, sum, avg with precision, min, max) take the column path too', () => {
    const query: SearchQuery = {
      labels: ['ACCOUNT'], groupBy: ['region'], orderBy: { count: 'desc' },
      aggregate: {
        region: '$record.region', count: { fn: 'count', alias: '$record' }, values: { fn: 'count', alias: '$record', field: 'mrr' },
        distinct: { fn: 'count', alias: '$record', field: 'mrr', uniq: true }, sum: { fn: 'sum', field: 'mrr' },
        avg: { fn: 'avg', alias: '$record', field: 'mrr', precision: 1 }, min: { fn: 'min', field: 'mrr' }, max: { fn: 'max', field: 'region' }
      }
    }
    const columns = columnPath(query)
    expect(columns).toBeDefined()
    expect(columns).toStrictEqual(generic(query))
  })

  it('keeps what the generic path answers for arrays, numbers stored as strings, mixed types and absent values', () => {
    const h = graph()
    h.add('x1', 'T', { k: 'EMEA', v: 1.5 })
    h.add('x2', 'T', { k: ['EMEA'], v: [2, 'x', null] })
    h.add('x3', 'T', { k: '5', v: '10' }, { v: 'number' })
    h.add('x4', 'T', { k: 5, v: true })
    h.add('x5', 'T', { k: null, v: null })
    h.add('x6', 'T', { v: 4 })
    h.add('x7', 'T', { k: [], v: [] })
    const query: SearchQuery = {
      labels: ['T'], groupBy: ['k'], orderBy: { k: 'asc' },
      select: { k: '$record.k', n: { $count: '*' }, sum: { $sum: '$record.v' }, min: { $min: '$record.v' }, max: { $max: '$record.v' }, vals: { $count: '$record.v' } }
    }
    const select = parseSelectMap(query.select, 'select')
    const columns = runColumnGroups(h.db, compileSearch(query), select, query)
    expect(columns?.data).toStrictEqual([
      { k: '5', n: 1, sum: 0, min: '10', max: '10', vals: 1 },
      { k: 'EMEA', n: 1, sum: 1.5, min: 1.5, max: 1.5, vals: 1 },
      { k: ['EMEA'], n: 1, sum: 2, min: 'x', max: 2, vals: 1 },
      { k: 5, n: 1, sum: 0, min: true, max: true, vals: 1 },
      { k: null, n: 2, sum: 4, min: 4, max: 4, vals: 1 },
      { k: [], n: 1, sum: 0, min: null, max: null, vals: 1 }
    ])
    expect(columns?.total).toBe(7)
    expect(runSearch(h.db, query)).toStrictEqual(columns)
  })

  it('reads property names with dots, spaces, brackets, quotes and non-ASCII letters; leaves unquotable ones generic', () => {
    const h = graph()
    const names = ['a.b', 'x y', 'é', '[0]', "it's", '$x', 'a"b', 'back\\slash']
    for (let i = 0; i < 12; i++) h.add(`o${i}`, 'ODD', Object.fromEntries(names.map((n, j) => [n, (i + j) % 3 === 0 ? 'p' : i % 2 ? 1.25 : 'q'])))
    for (const name of names) {
      const query: SearchQuery = { labels: ['ODD'], groupBy: ['k'], select: { k: `$record.${name}`, n: { $count: '*' }, sum: { $sum: `$record.${name}` }, max: { $max: `$record.${name}` } } }
      const select = parseSelectMap(query.select, 'select')
      const columns = runColumnGroups(h.db, compileSearch(query), select, query)
      const compiled = compileSearch(query)
      const roots = (h.db.prepare(compiled.all.sql).raw().all(...compiled.all.params) as Array<[number]>).map((r) => r[0])
      const expected = runGrouped(new ColumnEvaluator(h.db, new RecordCache(h.db), compiled.ctx.aliases), select, query, roots)
      expect(expected.length, name).toBe(3)
      if (name.includes('"') || name.includes('\\')) expect(columns, name).toBeUndefined()
      else expect(columns, name).toStrictEqual({ data: expected, total: 12 })
    }
  })

  it('the row-by-row reader (labels past SQLite\'s string limit) reads each root\'s values in root order', () => {
    const orders: Array<SearchQuery['orderBy']> = [undefined, { mrr: 'desc', tier: 'asc' }, { missing: 'asc' }]
    for (const orderBy of orders) {
      const query: SearchQuery = { labels: ['ACCOUNT'], where: { tier: { $ne: 'b' } }, orderBy }
      const compiled = compileSearch(query)
      const rows = readColumnRows(g.db, compiled, ['region', 'mrr', 'signedAt'], rootOrder(g.db, normalizeOrder(orderBy)))
      const cache = new RecordCache(g.db)
      const roots = (g.db.prepare(compiled.all.sql).raw().all(...compiled.all.params) as Array<[number]>).map((r) => r[0])
      expect(rows.length).toBeGreaterThan(100)
      expect(rows).toStrictEqual(roots.map((rid) => ['region', 'mrr', 'signedAt'].map((f) => cache.get(rid)[f] ?? null)))
    }
  })

  it('an empty match without group keys is one group of zeros and nulls', () => {
    const query: SearchQuery = { labels: ['ACCOUNT'], where: { tier: 'none' }, groupBy: ['count'], select: { count: { $count: '*' }, sum: { $sum: '$record.mrr' }, avg: { $avg: '$record.mrr' }, max: { $max: '$record.mrr' } } }
    expect(columnPath(query)).toStrictEqual({ data: [{ count: 0, sum: 0, avg: null, max: null }], total: 0 })
    expect(generic(query)).toStrictEqual(columnPath(query))
  })

  it('falls back to the generic path for related aliases, collects, arithmetic, refs and system fields', () => {
    const base = { labels: ['ACCOUNT'], where: { SUB: { $alias: '$sub' } }, groupBy: ['region'] }
    const fallbacks: SearchQuery[] = [
      { ...base, select: { region: '$record.region', subs: { $sum: '$sub.amount' } } },
      { ...base, select: { region: '$sub.amount', n: { $count: '*' } } },
      { ...base, select: { region: '$record.region', ids: { $collect: { from: '$sub' } } } },
      { ...base, select: { region: '$record.region', n: { $count: '*' }, twice: { $multiply: [{ $ref: 'n' }, 2] } } },
      { ...base, select: { region: '$record.region', n: { $count: '*' }, same: { $ref: 'n' } } },
      { ...base, select: { region: '$record.__label', n: { $count: '*' } } },
      { ...base, select: { region: '$record.region', n: { $count: { label: 'SUB' } } } },
      { ...base, select: { region: '$record.toString', n: { $count: '*' } } }
    ]
    for (const query of fallbacks) {
      expect(columnPath(query), JSON.stringify(query.select)).toBeUndefined()
      expect(runSearch(g.db, query)).toStrictEqual(generic(query))
    }
  })
})
