import type Database from 'better-sqlite3'
import type { OrderKey } from '../query/compile-order.js'
import type { GraphIndex } from './graph-index.js'

/** A stored sort value as SQLite hands it back (`v` column of `vals`). */
export type SortValue = string | number | null | Buffer

/** Below this many rids, probing SQLite per row is cheaper than loading a whole sort column. */
const MIN_ROWS_FOR_COLUMN = 2000

/**
 * The first `needed` of `rids` in the order compile-order's ORDER BY gives: each property key by its first stored element
 * (missing = NULL, last ascending and first descending), `__id` by rid, then rid in the last
 * key's direction. Reads sort values from the index's cached columns instead of probing SQLite
 * once per row. Returns undefined for keys it cannot order (`__label`), or when a small set
 * would need a column not cached yet, leaving those to SQL.
 */
export function orderRids(db: Database.Database, index: GraphIndex, rids: number[], keys: OrderKey[], needed: number): number[] | undefined {
  if (keys.some((k) => k.key === '__label')) return undefined
  // Creation order (the default list order): a set's rids already ascend, so the page is a slice.
  if (keys.length > 0 && keys[0].key === '__id' && ascending(rids)) {
    return keys[0].dir === 'asc' ? rids.slice(0, needed) : rids.slice(Math.max(0, rids.length - needed)).reverse()
  }
  const uncached = keys.some((k) => k.key !== '__id' && !index.hasColumn(k.key))
  if (uncached && rids.length < MIN_ROWS_FOR_COLUMN) return undefined
  const comparators = keys.map(({ key, dir }) => {
    const sign = dir === 'asc' ? 1 : -1
    if (key === '__id') return (a: number, b: number) => sign * (a - b)
    const column = index.column(db, key)
    return (a: number, b: number) => sign * compareSortValues(column.get(a) ?? null, column.get(b) ?? null)
  })
  if (!keys.some((k) => k.key === '__id')) {
    const sign = keys[keys.length - 1].dir === 'asc' ? 1 : -1
    comparators.push((a, b) => sign * (a - b))
  }
  const compare = (a: number, b: number) => {
    for (const cmp of comparators) {
      const c = cmp(a, b)
      if (c !== 0) return c
    }
    return 0
  }
  return needed * 8 < rids.length ? firstInOrder(rids, needed, compare) : rids.sort(compare).slice(0, needed)
}

/** True when `rids` are strictly ascending (as a RidSet hands them out); checked, as it is cheap. */
function ascending(rids: number[]): boolean {
  for (let i = 1; i < rids.length; i++) if (rids[i - 1] >= rids[i]) return false
  return true
}

/** The `k` smallest items in order, keeping a sorted window instead of sorting everything. */
function firstInOrder(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  const top: number[] = []
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]) >= 0) continue
    let lo = 0
    let hi = top.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (compare(top[mid], item) <= 0) lo = mid + 1
      else hi = mid
    }
    top.splice(lo, 0, item)
    if (top.length > k) top.pop()
  }
  return top
}

/** SQLite's ascending order of stored values with NULL last: numbers < text (UTF-8 byte order) < blobs < NULL. */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const ca = storageClass(a)
  const cb = storageClass(b)
  if (ca !== cb) return ca - cb
  if (ca === 0) return (a as number) - (b as number)
  if (ca === 1) return compareUtf8(a as string, b as string)
  if (ca === 2) return Buffer.compare(a as Buffer, b as Buffer)
  return 0
}

function storageClass(v: SortValue): number {
  if (v === null) return 3
  if (typeof v === 'number') return 0
  if (typeof v === 'string') return 1
  return 2
}

/** Compares strings by code point, which is the byte order of their UTF-8 (SQLite's BINARY collation). */
function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // UTF-16 puts surrogates (astral code points) below U+E000–U+FFFF; code point order puts them above.
    return rank(x) - rank(y)
  }
  return a.length - b.length
}

function rank(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800
  if (unit >= 0xd800) return unit + 0x2000
  return unit
}
