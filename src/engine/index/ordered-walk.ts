import type Database from 'better-sqlite3'
import { effectiveLabels } from '../query/compile-filter.js'
import type { OrderKey } from '../query/compile-order.js'
import { DEFAULT_LIMIT, compileSearch } from '../query/compile-search.js'
import type { SearchQuery } from '../query/search-query.js'
import { prepareCached } from '../query/statement-cache.js'
import type { GraphIndex } from './graph-index.js'
import type { IndexedMatch } from './index-where.js'
import type { RidSet } from './rid-set.js'
import { walkBound, type BoundType } from './walk-bound.js'

/** Below this many candidates, ordering them from the sort column is cheap enough. */
const MIN_CANDIDATES = 2000
/**
 * A walk reads about `needed × records ÷ candidates` index entries (the candidates' share of the
 * graph), each dearer than comparing two cached sort values: it runs when that is well below the
 * candidate count, i.e. for large sets (a label's first page), not for selective ones (a few
 * thousand churn candidates spread over the whole key range sort faster in memory).
 */
const WALK_COST_FACTOR = 4
/** Index entries read per step: small first (a first page needs few), growing for sparse matches. */
const FIRST_CHUNK = 64
const MAX_CHUNK = 4096
/** Past this many index entries without a full page, the walk gives way to SQL's own plan. */
const WALK_BUDGET = 50_000
const SENTINEL = '\u0000walk-candidates'
const BOUND_TYPES = new Set(['string', 'number', 'datetime'])

/**
 * The first `skip + limit` matches of a search ordered by one property (plus the id), read in
 * order from SQLite's `(name, type, v, rid)` index instead of sorting every match: a first page
 * reads a few dozen entries, and a keyset page ("after this value") seeks to its bound first, so
 * a page 50,000 rows deep costs what the first one costs. Candidates come from the in-memory
 * indexes (exact, or a superset whose rows SQL re-checks chunk by chunk, in order). Returns
 * undefined when the walk does not apply or would not finish quickly (the caller falls back):
 * several stored types for the property, a small or selective candidate set, a needed total that
 * is not known, or a page reaching rows without a value (they sort last ascending, first descending).
 */
export function orderedWalk(db: Database.Database, index: GraphIndex, query: SearchQuery, keys: OrderKey[], match: IndexedMatch | undefined): number[] | undefined {
  const key = walkKey(keys)
  const labels = effectiveLabels(query.labels)
  if (!key || labels.length === 0) return undefined
  const candidates = match ?? { set: labels.map((l) => index.label(db, l)).reduce((a, b) => a.or(b)), exact: false }
  if (candidates.set.size < MIN_CANDIDATES || (!candidates.exact && !query.skipTotal)) return undefined
  const needed = (query.skip ?? 0) + (query.limit ?? DEFAULT_LIMIT)
  const records = prepareCached(db, 'SELECT coalesce(max(rid), 0) FROM records').pluck().get() as number
  if (candidates.set.size ** 2 < WALK_COST_FACTOR * needed * records) return undefined
  const type = singleType(db, key.key)
  if (!type) return undefined
  const asc = key.dir === 'asc'
  let bound = BOUND_TYPES.has(type) ? walkBound(query.where, key.key, key.dir, type as BoundType) : undefined
  if (bound === 'absent') return undefined
  // Conditions match any element of an array, while the order uses the first: bounds hold only without arrays.
  if (bound && intersects(index.multiValued(db, key.key), candidates.set)) bound = undefined
  // Descending, rows without a value come first: only a bound (which implies a value) rules them out.
  if (!asc && !bound) return undefined

  const d = asc ? 'ASC' : 'DESC'
  const base = `SELECT rid, v FROM vals WHERE name = ? AND type = ? AND pos = 0 AND v IS NOT NULL`
  const start = prepareCached(db, `${base} ORDER BY v ${d}, rid ${d} LIMIT ?`)
  const next = prepareCached(db, `${base} AND (v, rid) ${asc ? '>' : '<'} (?, ?) ORDER BY v ${d}, rid ${d} LIMIT ?`)
  const verify = candidates.exact ? undefined : verifier(db, query)
  const out: number[] = []
  let after: [unknown, number] | undefined = bound ? [bound.value, asc ? -1 : Number.MAX_SAFE_INTEGER] : undefined
  let chunk = FIRST_CHUNK
  for (let walked = 0; walked < WALK_BUDGET; walked += chunk, chunk = Math.min(MAX_CHUNK, chunk * 4)) {
    const rows = (after ? next.raw().all(key.key, type, after[0], after[1], chunk) : start.raw().all(key.key, type, chunk)) as Array<[number, unknown]>
    const inSet = rows.filter(([rid]) => candidates.set.has(rid)).map(([rid]) => rid)
    for (const rid of verify && inSet.length > 0 ? verify(inSet) : inSet) {
      out.push(rid)
      if (out.length === needed) return out
    }
    if (rows.length < chunk) return undefined
    const last = rows[rows.length - 1]
    after = [last[1], last[0]]
  }
  return undefined
}

/** The one property key of a walkable order: `[k]` or `[k, __id]` in the same direction. */
function walkKey(keys: OrderKey[]): OrderKey | undefined {
  const [first, second] = keys
  if (!first || first.key === '__id' || first.key === '__label') return undefined
  if (keys.length === 1 || (keys.length === 2 && second.key === '__id' && second.dir === first.dir)) return first
  return undefined
}

/** The property's stored type when it has exactly one (besides nulls); the walk reads one type's index range. */
function singleType(db: Database.Database, name: string): string | undefined {
  const types = prepareCached(db, "SELECT type FROM vals WHERE name = ? AND type <> 'null' ORDER BY type LIMIT 1").pluck()
  const first = types.get(name) as string | undefined
  if (first === undefined) return undefined
  const other = prepareCached(db, "SELECT 1 FROM vals WHERE name = ? AND type > ? AND type <> 'null' LIMIT 1").pluck().get(name, first)
  return other === undefined ? first : undefined
}

/** Re-checks candidate rids against the whole query in SQL, returning the matches in query order. */
function verifier(db: Database.Database, query: SearchQuery): (rids: number[]) => number[] {
  const compiled = compileSearch({ ...query, skip: 0, limit: undefined }, undefined, { json: SENTINEL, exact: false }).all
  const at = compiled.params.indexOf(SENTINEL)
  const statement = prepareCached(db, compiled.sql)
  return (rids) => {
    const params = [...compiled.params]
    params[at] = JSON.stringify(rids)
    return statement.raw().all(...params).map((row) => (row as [number])[0])
  }
}

function intersects(a: RidSet, b: RidSet): boolean {
  return a.size > 0 && a.and(b).size > 0
}
