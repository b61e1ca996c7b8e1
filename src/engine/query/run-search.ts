import type Database from 'better-sqlite3'
import { badRequest } from '../errors.js'
import type { RecordRow } from '../storage/record-store.js'
import { objectComparator } from './compare-values.js'
import { normalizeOrder } from './compile-order.js'
import type { GraphIndex } from '../index/graph-index.js'
import { indexedCandidates } from '../index/indexed-candidates.js'
import { orderedWalk } from '../index/ordered-walk.js'
import { orderRids } from '../index/order-rids.js'
import { DEFAULT_LIMIT, compileSearch, type CompiledSearch } from './compile-search.js'
import { ColumnEvaluator } from './evaluate-columns.js'
import { parseAggregateMap } from './parse-aggregate.js'
import { parseSelectMap } from './parse-select.js'
import { RecordCache } from './record-cache.js'
import { runColumnGroups } from './run-column-groups.js'
import { runGrouped } from './run-grouped.js'
import type { Expr } from './select-ast.js'
import type { SearchQuery, SearchScope } from './search-query.js'
import { prepareCached } from './statement-cache.js'

/** The result of a search: rows (records or groups) and the number of matching roots. */
export interface SearchResult {
  data: unknown[]
  /** Undefined for a plain page with `skipTotal` (no count is run). */
  total: number | undefined
}

/**
 * Runs a search: records (with aggregate/select keys) or groupBy rows, and the matching-root total.
 * With `index` (and outside a write transaction) the in-memory indexes narrow the roots first.
 */
export function runSearch(db: Database.Database, query: SearchQuery, scope?: SearchScope, index?: GraphIndex): SearchResult {
  if (query.select && query.aggregate) throw badRequest('select and aggregate cannot be used together')
  const validated = compileSearch(query, scope) // validates before any index work
  // A group-by over a whole label reads its roots through the label index in the same statement
  // that reads their values: a candidate list from the in-memory index would only add a JSON round trip.
  const wholeLabelGroups = query.groupBy?.length && (!query.where || Object.keys(query.where).length === 0)
  if (!index || scope || db.inTransaction || wholeLabelGroups) return execute(db, query, validated)
  // One read transaction, so the indexes and the SQL that finishes the query see the same snapshot.
  return db.transaction(() => {
    const match = indexedCandidates(db, index, query)
    const keys = normalizeOrder(query.orderBy)
    const plainOrder = !query.groupBy?.length && !orderedByComputed(query)
    const needed = (query.skip ?? 0) + (query.limit ?? DEFAULT_LIMIT)
    if (plainOrder && match?.exact && keys[0].key === '__id') {
      // Creation order: a set hands out rids ascending, so the page is its first (or last) rids.
      const ordered = keys[0].dir === 'asc' ? match.set.first(needed) : match.set.last(needed)
      return pageOfOrdered(db, query, ordered, match.set.size, validated)
    }
    const walked = plainOrder ? orderedWalk(db, index, query, keys, match) : undefined
    if (walked) return pageOfOrdered(db, query, walked, match?.exact ? match.set.size : undefined, validated)
    if (!match) return execute(db, query, validated)
    const rids = match.set.toArray()
    const ordered = plainOrder && match.exact ? orderRids(db, index, rids, keys, needed) : undefined
    if (ordered) return pageOfOrdered(db, query, ordered, match.set.size, validated)
    const narrowed = compileSearch(query, scope, { json: JSON.stringify(rids), exact: match.exact })
    return execute(db, query, narrowed, match.exact ? match.set.size : undefined)
  })()
}

/** Runs compiled SQL: groups, computed-key ordering, or one page with its total (`knownTotal` when the indexes counted). */
function execute(db: Database.Database, query: SearchQuery, compiled: CompiledSearch, knownTotal?: number): SearchResult {
  const computed = computedKeys(query)
  const cache = new RecordCache(db)
  const evaluator = new ColumnEvaluator(db, cache, compiled.ctx.aliases)
  if (query.groupBy?.length) {
    const columnGroups = runColumnGroups(db, compiled, computed ?? {}, query)
    if (columnGroups) return columnGroups
    const roots = allRids(db, compiled)
    return { data: runGrouped(evaluator, computed ?? {}, query, roots), total: roots.length }
  }
  if (computed && orderedByComputed(query)) return runOrderedByComputed(db, compiled, computed, query, evaluator, cache)
  const { rows, total } = query.skipTotal && knownTotal === undefined ? { rows: runPageOnly(db, compiled), total: undefined } : runPage(db, compiled, query, knownTotal)
  cache.addRows(rows)
  return { data: withComputed(rows.map((r) => r.rid), cache, evaluator, computed), total }
}

/** The aggregate or select keys of a query, parsed; undefined when it has neither. */
function computedKeys(query: SearchQuery): Record<string, Expr> | undefined {
  if (query.select) return parseSelectMap(query.select, 'select')
  return query.aggregate ? parseAggregateMap(query.aggregate, 'aggregate') : undefined
}

/** The cached records of `rids`, in order, each with its computed keys added. */
function withComputed(rids: number[], cache: RecordCache, evaluator: ColumnEvaluator, computed: Record<string, Expr> | undefined): unknown[] {
  const data: Array<Record<string, unknown>> = rids.map((rid) => cache.get(rid))
  if (!computed || rids.length === 0) return data
  const values = evaluator.evaluateMap(computed, rids.map((rid) => [rid]))
  return data.map((record, i) => ({ ...record, ...values[i] }))
}

/** One page of rows and the total; a single pass with a window count when there is a where. */
function runPage(db: Database.Database, compiled: CompiledSearch, query: SearchQuery, knownTotal?: number): { rows: RecordRow[]; total: number } {
  if (knownTotal !== undefined) {
    const rows = knownTotal === 0 ? [] : (prepareCached(db, compiled.page.sql).all(...compiled.page.params) as RecordRow[])
    return { rows, total: knownTotal }
  }
  if (!query.where || Object.keys(query.where).length === 0) {
    const total = (prepareCached(db, compiled.count.sql).get(...compiled.count.params) as { n: number }).n
    const rows = total === 0 ? [] : (prepareCached(db, compiled.page.sql).all(...compiled.page.params) as RecordRow[])
    return { rows, total }
  }
  const windowed = compiled.page.sql.replace('SELECT r.rid, r.id, r.label, r.props, r.proptypes ', 'SELECT r.rid, r.id, r.label, r.props, r.proptypes, COUNT(*) OVER () AS __total ')
  const rows = prepareCached(db, windowed).all(...compiled.page.params) as Array<RecordRow & { __total: number }>
  if (rows.length > 0) return { rows, total: rows[0].__total }
  const total = (prepareCached(db, compiled.count.sql).get(...compiled.count.params) as { n: number }).n
  return { rows, total }
}

/** True when the query orders by one of its own aggregate/select keys (computed per root, not stored). */
function orderedByComputed(query: SearchQuery): boolean {
  const computed = query.select ?? query.aggregate
  return computed !== undefined && normalizeOrder(query.orderBy).some((k) => k.key in computed)
}

/** A page of the matches already in query order (the first `skip + limit`): slice, then read only that page's records. */
function pageOfOrdered(db: Database.Database, query: SearchQuery, ordered: number[], total: number | undefined, validated: CompiledSearch): SearchResult {
  const skip = query.skip ?? 0
  const page = ordered.slice(skip, skip + (query.limit ?? DEFAULT_LIMIT))
  const cache = new RecordCache(db)
  cache.load(page)
  // Like SQL's path, a `skipTotal` search answers without a total even when the indexes know it.
  return { data: withComputed(page, cache, new ColumnEvaluator(db, cache, validated.ctx.aliases), computedKeys(query)), total: query.skipTotal ? undefined : total }
}

/** One page of rows and nothing else (`skipTotal`): the page statement, no COUNT. */
function runPageOnly(db: Database.Database, compiled: CompiledSearch): RecordRow[] {
  return prepareCached(db, compiled.page.sql).all(...compiled.page.params) as RecordRow[]
}

/** Every matching rid in the query's (property) order. */
function allRids(db: Database.Database, compiled: CompiledSearch): number[] {
  return prepareCached(db, compiled.all.sql).raw().all(...compiled.all.params).map((row) => (row as [number])[0])
}

/** Ordering by an aggregate/select key: evaluate it for every matching root, then sort and page. */
function runOrderedByComputed(
  db: Database.Database, compiled: CompiledSearch, computed: Record<string, Expr>, query: SearchQuery,
  evaluator: ColumnEvaluator, cache: RecordCache
): { data: unknown[]; total: number } {
  const roots = allRids(db, compiled)
  cache.load(roots)
  const values = evaluator.evaluateMap(computed, roots.map((r) => [r]))
  const data = roots.map((rid, i) => ({ ...cache.get(rid), ...values[i] }))
  data.sort(objectComparator(normalizeOrder(query.orderBy)))
  const skip = query.skip ?? 0
  return { data: data.slice(skip, skip + (query.limit ?? DEFAULT_LIMIT)), total: roots.length }
}
