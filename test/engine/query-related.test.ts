import { beforeAll, describe, expect, it } from 'vitest'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'
import { graph } from './query-fixture.js'

const g = graph()
beforeAll(() => {
  for (let i = 1; i <= 6; i++) g.add(`c${i}`, 'CUSTOMER', { name: `cust${i}`, plan: i % 2 ? 'pro' : 'free', mrr: i * 10, signedAt: `2024-0${i}-15T12:00:00Z` }, { signedAt: 'datetime' })
  g.add('s1', 'SUB', { status: 'active', amount: 100 }); g.link('c1', 's1', 'HAS')
  g.add('s2', 'SUB', { status: 'active', amount: 50 }); g.link('c1', 's2', 'HAS')
  g.add('s3', 'SUB', { status: 'cancelled', amount: 70 }); g.link('c2', 's3', 'HAS')
  g.add('s5', 'SUB', { status: 'active', amount: 20 }); g.link('c5', 's5', 'OWNS')
  g.add('t1', 'TICKET', { status: 'open' }); g.link('t1', 'c1', 'ABOUT')
  g.add('t3', 'TICKET', { status: 'open' }); g.link('t3', 'c3', 'ABOUT')
  g.add('t5', 'TICKET', { status: 'closed' }); g.link('t5', 'c5', 'ABOUT')
  g.add('n1', 'NOTE', { text: 'x' }); g.link('s1', 'n1')
})
const keys = (q: SearchQuery) => runSearch(g.db, q).data.map((r) => g.keyOf((r as { __id: string }).__id)).sort()
const cust = (where: Record<string, unknown>) => keys({ labels: ['CUSTOMER'], where })

describe('related-record blocks', () => {
  it('any type, any direction by default', () => {
    expect(cust({ SUB: { status: 'active' } })).toEqual(['c1', 'c5'])
    expect(cust({ TICKET: { status: 'open' } })).toEqual(['c1', 'c3'])
    expect(cust({ TICKET: {} })).toEqual(['c1', 'c3', 'c5'])
  })
  it('$relation type and direction', () => {
    expect(cust({ SUB: { $relation: 'HAS' } })).toEqual(['c1', 'c2'])
    expect(cust({ SUB: { $relation: { type: ['HAS', 'OWNS'], direction: 'out' }, status: 'active' } })).toEqual(['c1', 'c5'])
    expect(cust({ SUB: { $relation: { direction: 'in' } } })).toEqual([])
    expect(cust({ TICKET: { $relation: { type: 'ABOUT', direction: 'in' } } })).toEqual(['c1', 'c3', 'c5'])
    expect(cust({ TICKET: { $relation: { direction: 'out' } } })).toEqual([])
  })
  it('nested blocks and blocks inside logical groups', () => {
    expect(cust({ SUB: { NOTE: { text: 'x' } } })).toEqual(['c1'])
    expect(cust({ $or: [{ SUB: { status: 'cancelled' } }, { TICKET: { status: 'closed' } }] })).toEqual(['c2', 'c5'])
    expect(cust({ $not: { SUB: {} } })).toEqual(['c3', 'c4', 'c6'])
    expect(cust({ plan: 'pro', SUB: { status: 'active' }, TICKET: { status: 'open' } })).toEqual(['c1'])
  })
  it('pages after related filters: a full second page', () => {
    const q: SearchQuery = { labels: ['CUSTOMER'], where: { $or: [{ SUB: {} }, { TICKET: {} }] }, orderBy: { mrr: 'asc' }, limit: 2 }
    const first = runSearch(g.db, q)
    const second = runSearch(g.db, { ...q, skip: 2 })
    expect(first.total).toBe(4)
    expect(first.data.map((r) => (r as { name: string }).name)).toEqual(['cust1', 'cust2'])
    expect(second.data.map((r) => (r as { name: string }).name)).toEqual(['cust3', 'cust5'])
  })
  it('scope relatedToRid restricts roots to neighbours', () => {
    const r = runSearch(g.db, { labels: ['SUB'] }, { relatedToRid: g.rid('c1') })
    expect(r.total).toBe(2)
    expect(r.data.map((x) => g.keyOf((x as { __id: string }).__id)).sort()).toEqual(['s1', 's2'])
  })
})

describe('legacy aggregate', () => {
  it('count, sum, avg, min, max, projection, collect', () => {
    const r = runSearch(g.db, {
      labels: ['CUSTOMER'], where: { SUB: { $alias: '$sub' } }, orderBy: { name: 'asc' },
      aggregate: {
        subs: { fn: 'count', alias: '$sub' }, total: { fn: 'sum', alias: '$sub', field: 'amount' },
        avg: { fn: 'avg', alias: '$sub', field: 'amount', precision: 0 }, min: { fn: 'min', alias: '$sub', field: 'amount' },
        max: { fn: 'max', alias: '$sub', field: 'amount' }, name: '$record.name',
        statuses: { fn: 'collect', alias: '$sub', field: 'status' },
        items: { fn: 'collect', alias: '$sub', orderBy: { amount: 'asc' } }
      }
    })
    expect(r.total).toBe(3)
    const c1 = r.data[0] as Record<string, unknown>
    expect(c1).toMatchObject({ subs: 2, total: 150, avg: 75, min: 50, max: 100, name: 'cust1', statuses: ['active'] })
    expect((c1.items as Array<{ amount: number; __label: string }>).map((s) => s.amount)).toEqual([50, 100])
    expect((c1.items as Array<{ __label: string }>)[0].__label).toBe('SUB')
  })
  it('collect slice is [skip..limit] with limit as an end index; nested collect trees', () => {
    const r = runSearch(g.db, {
      labels: ['CUSTOMER'], where: { $id: g.id('c1'), SUB: { $alias: '$sub', NOTE: { $alias: '$note' } } },
      aggregate: {
        sliced: { fn: 'collect', alias: '$sub', field: 'amount', skip: 1, limit: 1 },
        tree: { fn: 'collect', alias: '$sub', aggregate: { notes: { fn: 'collect', alias: '$note' } } }
      }
    })
    const c1 = r.data[0] as Record<string, unknown>
    expect(c1.sliced).toEqual([])
    const tree = c1.tree as Array<{ amount: number; notes: Array<{ text: string }> }>
    expect(tree.map((s) => s.amount)).toEqual([100])
    expect(tree[0].notes.map((n) => n.text)).toEqual(['x'])
  })
  it('orders by an aggregate key, then pages', () => {
    const r = runSearch(g.db, { labels: ['CUSTOMER'], where: { SUB: { $alias: '$sub' } }, aggregate: { total: { fn: 'sum', alias: '$sub', field: 'amount' } }, orderBy: { total: 'desc' }, limit: 2 })
    expect(r.data.map((x) => (x as { total: number }).total)).toEqual([150, 70])
    expect(r.total).toBe(3)
  })
})

describe('select, groupBy and extensions', () => {
  it('groupBy rows with $sum/$count/$avg over all roots, ordered and paged as groups', () => {
    const r = runSearch(g.db, {
      labels: ['CUSTOMER'], select: { mrr: { $sum: '$record.mrr' }, n: { $count: '*' }, avg: { $avg: '$record.mrr', $precision: 1 }, plan: '$record.plan' },
      groupBy: ['$record.plan'], orderBy: { mrr: 'desc' }, limit: 1
    })
    expect(r.total).toBe(6)
    expect(r.data).toEqual([{ plan: 'free', mrr: 120, n: 3, avg: 40 }])
  })
  it('self-group collapses to one row; $ref and arithmetic', () => {
    const r = runSearch(g.db, { labels: ['CUSTOMER'], select: { total: { $sum: '$record.mrr' }, n: { $count: '*' }, mean: { $divide: [{ $ref: 'total' }, { $ref: 'n' }] } }, groupBy: ['total'] })
    expect(r.data).toEqual([{ total: 210, n: 6, mean: 35 }])
  })
  it('$timeBucket groups by month start (epoch millis)', () => {
    const r = runSearch(g.db, { labels: ['CUSTOMER'], where: { mrr: { $lte: 20 } }, select: { month: { $timeBucket: { field: '$record.signedAt', unit: 'month' } }, n: { $count: '*' } }, groupBy: ['month'] })
    expect(r.data).toEqual([{ month: Date.UTC(2024, 0, 1), n: 1 }, { month: Date.UTC(2024, 1, 1), n: 1 }])
  })
  it('related $collect and $count do not filter the root; nesting and paging per parent', () => {
    const r = runSearch(g.db, {
      labels: ['CUSTOMER'], where: { plan: 'pro' }, orderBy: { name: 'asc' },
      select: {
        subs: { $collect: { label: 'SUB', relation: { type: ['HAS', 'OWNS'], direction: 'out' }, where: { status: 'active' }, orderBy: { amount: 'asc' }, limit: 1, select: { amount: '$self.amount', notes: { $count: { label: 'NOTE' } } } } },
        tickets: { $count: { label: 'TICKET', relation: { direction: 'in' } } },
        spend: { $sum: { label: 'SUB', field: 'amount' } }
      }
    })
    expect(r.total).toBe(3)
    const rows = r.data as Array<Record<string, unknown>>
    // A related collect keeps each record whole and adds its select keys.
    const pick = (subs: unknown) => (subs as Array<Record<string, unknown>>).map((s) => ({ amount: s.amount, notes: s.notes, status: s.status, label: s.__label }))
    expect(rows.map((x) => [x.name, pick(x.subs), x.tickets, x.spend])).toEqual([
      ['cust1', [{ amount: 50, notes: 0, status: 'active', label: 'SUB' }], 1, 150],
      ['cust3', [], 1, 0],
      ['cust5', [{ amount: 20, notes: 0, status: 'active', label: 'SUB' }], 1, 20]
    ])
  })
  it('$collect without select returns full records', () => {
    const r = runSearch(g.db, { where: { $id: g.id('c1') }, select: { subs: { $collect: { label: 'SUB', orderBy: { amount: 'desc' } } } } })
    const subs = (r.data[0] as { subs: Array<Record<string, unknown>> }).subs
    expect(subs.map((s) => [s.__label, s.amount, s.__id])).toEqual([['SUB', 100, g.id('s1')], ['SUB', 50, g.id('s2')]])
  })
})

describe('neighbour loading plan', () => {
  it('drives from the parents’ edges, never from every record of the label', () => {
    // A fresh file: its statement cache is empty, and it has no statistics to guide the planner.
    const fresh = graph()
    fresh.add('c1', 'CUSTOMER', { name: 'cust1' })
    fresh.add('s1', 'SUB', { amount: 100 }); fresh.link('c1', 's1', 'HAS')
    fresh.add('s2', 'SUB', { amount: 50 }); fresh.link('c1', 's2', 'HAS')
    for (let i = 0; i < 50; i++) fresh.add(`x${i}`, 'SUB', { amount: i })
    const db = fresh.db
    const seen: string[] = []
    const prepare = db.prepare.bind(db)
    db.prepare = ((source: string) => {
      if (source.includes('json_each') && source.includes('FROM rels')) seen.push(source)
      return prepare(source)
    }) as typeof db.prepare
    try {
      const out = runSearch(db, { labels: ['CUSTOMER'], where: { name: 'cust1' }, select: { subs: { $collect: { label: 'SUB', orderBy: { amount: 'asc' } } } } } as SearchQuery)
      expect((out.data[0] as { subs: Array<{ amount: number }> }).subs.map((s) => s.amount)).toEqual([50, 100])
    } finally {
      db.prepare = prepare as typeof db.prepare
    }
    expect(seen.length).toBeGreaterThan(0)
    for (const source of seen) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...Array((source.match(/\?/g) ?? []).length).fill(null)) as Array<{ detail: string }>).map((r) => r.detail)
      // Each arm's first search is on the edges (by the parent list), the record by its rid after.
      const searches = plan.filter((d) => d.startsWith('SEARCH'))
      expect(searches.filter((_, i) => i % 2 === 0).every((d) => /^SEARCH e\d/.test(d))).toBe(true)
      expect(plan.some((d) => /SEARCH c\d USING COVERING INDEX records_label \(label=\?\)$/.test(d))).toBe(false)
    }
  })
})
