import { RushDB } from '@rushdb/javascript-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { mulberry32 } from '../../src/demo/prng.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'
import { GraphIndex } from '../../src/engine/index/graph-index.js'
import { indexedCandidates } from '../../src/engine/index/indexed-candidates.js'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'

// The in-memory indexes must never change an answer: every generated query is run by SQL alone
// and through the indexes, and both answers (page, order and total) must be identical.

let engine: Engine
let vocabulary: Array<{ label: string; name: string; value: string | number }>
let labels: string[]
let types: string[]
let edges: Array<{ from: string; to: string; type: string }>

beforeAll(async () => {
  engine = createEngine({ path: ':memory:' })
  const sdk = new RushDB('embedded', { url: 'http://embedded.local', httpClient: createInProcessClient(engine) as never })
  await loadDemoGraph(sdk, { customers: 60, seed: 7 })
  vocabulary = engine.db.prepare(`
    SELECT r.label, v.name, v.v AS value FROM vals v JOIN records r ON r.rid = v.rid
    WHERE v.type IN ('string', 'number') AND v.pos = 0 GROUP BY 1, 2, 3 HAVING count(*) >= 3`).all() as typeof vocabulary
  labels = [...new Set(vocabulary.map((v) => v.label))]
  types = (engine.db.prepare('SELECT DISTINCT type FROM rels').pluck().all() as string[])
  edges = engine.db.prepare(`
    SELECT DISTINCT s.label AS "from", d.label AS "to", e.type FROM rels e
    JOIN records s ON s.rid = e.src JOIN records d ON d.rid = e.dst`).all() as typeof edges
})
afterAll(() => engine.close())

function queryGenerator(random: () => number) {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]
  const valueOf = (label: string) => pick(vocabulary.filter((v) => v.label === label))
  const leaf = (label: string): Record<string, unknown> => {
    const { name, value } = valueOf(label)
    const roll = random()
    if (roll < 0.5) return { [name]: value }
    if (roll < 0.7) {
      const other = pick(vocabulary.filter((v) => v.label === label && v.name === name && typeof v.value === typeof value))
      return { [name]: { $in: [value, other.value] } }
    }
    if (roll < 0.8) return { [name]: { $ne: value } } // not indexable: SQL finishes
    if (typeof value === 'number') return { [name]: { $gte: value } }
    return { [name]: { $startsWith: String(value).slice(0, 2) } }
  }
  const relation = () => {
    const roll = random()
    if (roll < 0.5) return {}
    const type = pick(types)
    if (roll < 0.7) return { $relation: type }
    return { $relation: { type: roll < 0.85 ? type : [type, pick(types)], direction: pick(['in', 'out']) } }
  }
  const where = (label: string, depth: number): Record<string, unknown> => {
    const roll = random()
    const real = edges.filter((e) => e.from === label || e.to === label)
    if (depth > 0 && roll < 0.15 && real.length > 0) {
      // A relationship that exists in the data, followed the right way or (sometimes) the wrong way.
      const edge = pick(real)
      const out = edge.from === label ? random() < 0.8 : random() < 0.2
      const other = edge.from === label ? edge.to : edge.from
      return { ...leafOrEmpty(label), [other]: { $relation: { type: edge.type, direction: out ? 'out' : 'in' }, ...where(other, depth - 1) } }
    }
    if (depth > 0 && roll < 0.3) {
      const other = pick(labels)
      return { ...leafOrEmpty(label), [other]: { ...relation(), ...where(other, depth - 1) } }
    }
    if (depth > 0 && roll < 0.5) {
      const op = pick(['$or', '$and', '$not', '$nor', '$xor'])
      return { [op]: [where(label, depth - 1), where(label, depth - 1)] }
    }
    return roll < 0.9 ? { ...leaf(label), ...leafOrEmpty(label) } : {}
  }
  const leafOrEmpty = (label: string) => (random() < 0.5 ? leaf(label) : {})
  const orderBy = (label: string): SearchQuery['orderBy'] => {
    const roll = random()
    if (roll < 0.25) return undefined
    if (roll < 0.4) return pick(['asc', 'desc'] as const)
    const first = valueOf(label).name
    return roll < 0.8 ? { [first]: pick(['asc', 'desc'] as const) } : { [first]: 'desc', [valueOf(label).name]: 'asc' }
  }
  return (): SearchQuery => {
    const label = pick(labels)
    return { labels: [label], where: where(label, 3), orderBy: orderBy(label), limit: 1 + Math.floor(random() * 30), skip: Math.floor(random() * 5) }
  }
}

describe('in-memory indexes', () => {
  it('answer 600 generated queries exactly as SQL alone does', () => {
    const next = queryGenerator(mulberry32(20261121))
    const index = new GraphIndex()
    let exact = 0
    let nonEmpty = 0
    for (let i = 0; i < 600; i++) {
      const query = next()
      const bySql = runSearch(engine.db, query)
      const byIndex = runSearch(engine.db, query, undefined, index)
      expect({ query, answer: byIndex }).toEqual({ query, answer: bySql })
      if (indexedCandidates(engine.db, index, query)?.exact) exact++
      if ((bySql.total ?? 0) > 0) nonEmpty++
    }
    // The comparison only proves something if the index path answered most queries on its own.
    expect(exact).toBeGreaterThan(300)
    expect(nonEmpty).toBeGreaterThan(300)
  })

  it('answer the churn question from the indexes alone, with the same page and total as SQL', () => {
    const index = new GraphIndex()
    const query: SearchQuery = {
      labels: ['CUSTOMER'],
      where: { plan: 'pro', SUBSCRIPTION: { status: 'active' }, SUPPORT_TICKET: { status: 'open', sentiment: 'negative' } },
      orderBy: { customerId: 'asc' },
      limit: 5
    }
    expect(indexedCandidates(engine.db, index, query)?.exact).toBe(true)
    const answer = runSearch(engine.db, query, undefined, index)
    expect(answer.total).toBeGreaterThan(0)
    expect(answer).toEqual(runSearch(engine.db, query))
  })
})
