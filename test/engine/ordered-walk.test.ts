import { RushDB } from '@rushdb/javascript-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 } from '../../src/demo/prng.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'
import { GraphIndex } from '../../src/engine/index/graph-index.js'
import { indexedCandidates } from '../../src/engine/index/indexed-candidates.js'
import { orderedWalk } from '../../src/engine/index/ordered-walk.js'
import { walkBound } from '../../src/engine/index/walk-bound.js'
import { normalizeOrder } from '../../src/engine/query/compile-order.js'
import { runSearch } from '../../src/engine/query/run-search.js'
import type { SearchQuery } from '../../src/engine/query/search-query.js'

// Pages ordered by a property are read in order from SQLite's value index (a first page reads a
// few entries, a keyset page seeks to its bound). Every answer must equal SQL alone's: page,
// order and total, including ties, missing values, arrays and records of other labels that
// share the property.

let engine: Engine
let sdk: RushDB

/** An ISO datetime within a few days, in one of several offsets: text order and instant order differ. */
function stamp(random: () => number): string {
  const at = Date.UTC(2026, 0, 10) + Math.floor(random() * 6 * 86_400_000)
  const [label, minutes] = [['Z', 0], ['+02:00', 120], ['-10:00', -600], ['+14:00', 840], ['-03:30', -210]][Math.floor(random() * 5)] as [string, number]
  return new Date(at + minutes * 60_000).toISOString().slice(0, 19) + label
}

const ridOf = (id: string) => engine.db.prepare('SELECT rid FROM records WHERE id = ?').pluck().get(id) as number
const code = (n: number) => `C${String(n).padStart(5, '0')}`

beforeAll(async () => {
  engine = createEngine({ path: ':memory:' })
  sdk = new RushDB('embedded', { url: 'http://embedded.local', httpClient: createInProcessClient(engine) as never })
  const random = mulberry32(42)
  const items = Array.from({ length: 3000 }, (_, i) => {
    const roll = random()
    const item: Record<string, unknown> = { group: `g${i % 7}`, score: Math.floor(random() * 500), at: stamp(random) }
    // Ties (codes repeat), missing codes and a few arrays whose later elements sort elsewhere.
    if (roll < 0.9) item.code = code(Math.floor(random() * 2500))
    else if (roll < 0.95) item.code = [code(Math.floor(random() * 2500)), code(Math.floor(random() * 2500))]
    return item
  })
  const others = Array.from({ length: 2000 }, () => ({ code: code(Math.floor(random() * 2500)), group: 'g0' }))
  for (let i = 0; i < items.length; i += 500) await sdk.records.createMany({ label: 'ITEM', data: items.slice(i, i + 500), options: { returnResult: true, suggestTypes: true } })
  await sdk.records.createMany({ label: 'OTHER', data: others, options: { returnResult: true, suggestTypes: true } })
})
afterAll(() => engine.close())

/** The keyset predicate the gateway sends for "after (value, id)" in ascending order. */
function afterAsc(value: string, id: string): Record<string, unknown> {
  return { $or: [{ $or: [{ code: { $gt: value } }, { code: { $exists: false } }] }, { $and: [{ code: value }, { $id: { $gt: id } }] }] }
}

function queries(random: () => number, ids: string[]): SearchQuery[] {
  const out: SearchQuery[] = []
  for (let i = 0; i < 150; i++) {
    const dir = random() < 0.6 ? 'asc' : 'desc'
    const orderBy = random() < 0.7 ? { code: dir } : { code: dir, __id: dir }
    const at = code(Math.floor(random() * 2600))
    const roll = random()
    let where: Record<string, unknown> | undefined
    if (roll < 0.25) where = dir === 'asc' ? afterAsc(at, ids[Math.floor(random() * ids.length)]) : { code: { $lt: at } }
    else if (roll < 0.4) where = { code: { [dir === 'asc' ? '$gte' : '$lte']: at }, group: `g${Math.floor(random() * 7)}` }
    else if (roll < 0.5) where = { code: { $in: [at, code(Math.floor(random() * 2500))] } }
    else if (roll < 0.6) where = { group: 'g3' }
    else if (roll < 0.7) where = { score: { $gt: Math.floor(random() * 500) } }
    const byTime = random() < 0.3
    if (byTime) {
      // Ranges on a datetime compare instants while the order is the stored text.
      const instant = stamp(random)
      where = random() < 0.5 ? { at: { [dir === 'asc' ? '$gte' : '$lte']: instant } } : { $or: [{ at: { [dir === 'asc' ? '$gt' : '$lt']: instant } }, { at: instant, group: 'g1' }] }
    }
    out.push({ labels: ['ITEM'], where, orderBy: (byTime ? { at: dir } : orderBy) as SearchQuery['orderBy'], limit: 1 + Math.floor(random() * 40), skip: random() < 0.2 ? Math.floor(random() * 30) : 0, skipTotal: random() < 0.7 })
  }
  return out
}

describe('ordered walk over the value index', () => {
  it('answers generated ordered pages exactly as SQL alone does, and takes the walk for many of them', async () => {
    const ids = (engine.db.prepare("SELECT id FROM records WHERE label = 'ITEM'").pluck().all() as string[])
    const index = new GraphIndex()
    let walked = 0
    let walkedByTime = 0
    for (const query of queries(mulberry32(7), ids)) {
      const bySql = runSearch(engine.db, query)
      const byIndex = runSearch(engine.db, query, undefined, index)
      expect({ query, answer: byIndex }).toEqual({ query, answer: bySql })
      const match = indexedCandidates(engine.db, index, query)
      if (orderedWalk(engine.db, index, query, normalizeOrder(query.orderBy), match)) {
        walked++
        if ('at' in (query.orderBy as object)) walkedByTime++
      }
    }
    expect(walked).toBeGreaterThanOrEqual(50)
    expect(walkedByTime).toBeGreaterThanOrEqual(20)
  })

  it('seeks a keyset page to its cursor instead of reading every earlier row', () => {
    const index = new GraphIndex()
    const [cursor] = engine.db.prepare("SELECT r.id, v.v FROM records r JOIN vals v ON v.rid = r.rid AND v.name = 'code' AND v.pos = 0 WHERE r.label = 'OTHER' ORDER BY v.v DESC LIMIT 1 OFFSET 200").all() as Array<{ id: string; v: string }>
    const where = afterAsc(cursor.v, cursor.id)
    expect(walkBound(where, 'code', 'asc', 'string')).toEqual({ value: cursor.v })
    expect(walkBound(where, 'code', 'desc', 'string')).toBeUndefined()
    expect(walkBound({ $not: where }, 'code', 'asc', 'string')).toBeUndefined()
    expect(walkBound({ code: { $exists: false } }, 'code', 'asc', 'string')).toBe('absent')
    // A datetime range becomes the date a day before (ascending) or two days after (descending).
    expect(walkBound({ at: { $gt: '2026-01-12T01:00:00+02:00' } }, 'at', 'asc', 'datetime')).toEqual({ value: '2026-01-10' })
    expect(walkBound({ at: { $lte: '2026-01-12T01:00:00Z' } }, 'at', 'desc', 'datetime')).toEqual({ value: '2026-01-14' })
    expect(walkBound({ at: { $gt: '2026-01-12T01:00:00Z' } }, 'at', 'asc', 'string')).toBeUndefined()
    // OTHER has no arrays, so the bound is used; ITEM has some, so its walk starts at the beginning.
    const query: SearchQuery = { labels: ['OTHER'], where, orderBy: { code: 'asc' }, limit: 21, skipTotal: true }
    const walked = orderedWalk(engine.db, index, query, normalizeOrder(query.orderBy), indexedCandidates(engine.db, index, query))
    expect(walked).toHaveLength(21)
    const answer = runSearch(engine.db, query, undefined, index)
    expect(answer).toEqual(runSearch(engine.db, query))
    // The page is the walk's rids, in the walk's order.
    expect(answer.data.map((r) => ridOf((r as { __id: string }).__id))).toEqual(walked)
  })

  it('orders by the values after an update, not by what a cached column held before', async () => {
    const index = new GraphIndex()
    const query: SearchQuery = { labels: ['ITEM'], orderBy: { code: 'desc' }, where: { code: { $lte: 'C99999' } }, limit: 3, skipTotal: true }
    const before = runSearch(engine.db, query, undefined, index)
    const first = before.data[0] as { __id: string }
    const last = runSearch(engine.db, { labels: ['ITEM'], orderBy: { code: 'asc' }, where: { code: { $gte: 'C' } }, limit: 1 }, undefined, index).data[0] as { __id: string }
    await sdk.records.update({ target: last.__id, label: 'ITEM', data: { code: 'C99999' } })
    const after = runSearch(engine.db, query, undefined, index)
    expect((after.data[0] as { __id: string }).__id).toBe(last.__id)
    expect((after.data[1] as { __id: string }).__id).toBe(first.__id)
    expect(after).toEqual(runSearch(engine.db, query))
    // The same through the sort column (a small candidate set is ordered in memory).
    const small: SearchQuery = { labels: ['ITEM'], orderBy: { code: 'desc' }, where: { group: 'g2' }, limit: 5 }
    runSearch(engine.db, small, undefined, index)
    const moved = runSearch(engine.db, { ...small, limit: 1, orderBy: { code: 'asc' }, where: { group: 'g2', code: { $exists: true } } }, undefined, index).data[0] as { __id: string }
    await sdk.records.update({ target: moved.__id, label: 'ITEM', data: { code: 'C99998' } })
    expect(runSearch(engine.db, small, undefined, index)).toEqual(runSearch(engine.db, small))
  })
})
