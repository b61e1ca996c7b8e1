import type Database from 'better-sqlite3'
import { badRequest } from '../errors.js'
import type { RecordRow } from '../storage/record-store.js'
import { objectComparator } from './compare-values.js'
import { normalizeOrder } from './compile-order.js'
import { DEFAULT_LIMIT, compileSearch, type CompiledSearch } from './compile-search.js'
import { ColumnEvaluator } from './evaluate-columns.js'
import { parseAggregateMap } from './parse-aggregate.js'
import { parseSelectMap } from './parse-select.js'
import { RecordCache } from './record-cache.js'
import { runGrouped } from './run-grouped.js'
import type { Expr } from './select-ast.js'
import type { SearchQuery, SearchScope } from './search-query.js'
import { prepareCached } from './statement-cache.js'

/**
 * Runs a search: records (with aggregate/select keys) or groupBy rows, and the matching-root total
 * (undefined for a plain page with `skipTotal`: no count is run).
 */
export function runSearch(db: Database.Database, query: SearchQuery, scope?: SearchScope): { data: unknown[]; total: number | undefined } {
  if (query.select && query.aggregate) throw badRequest('select and aggregate cannot be used together')
  const compiled = compileSearch(query, scope)
  const computed = query.select ? parseSelectMap(query.select, 'select') : query.aggregate ? parseAggregateMap(query.aggregate, 'aggregate') : undefined
  const cache = new RecordCache(db)
  const evaluator = new ColumnEvaluator(db, cache, compiled.ctx.aliases)
  if (query.groupBy?.length) {
    const roots = allRids(db, compiled)
    return { data: runGrouped(evaluator, computed ?? {}, query, roots), total: roots.length }
  }
  const orderKeys = normalizeOrder(query.orderBy)
  if (computed && orderKeys.some((k) => k.key in computed)) return runOrderedByComputed(db, compiled, computed, query, evaluator, cache)
  const { rows, total } = query.skipTotal ? { rows: runPageOnly(db, compiled), total: undefined } : runPage(db, compiled, query)
  cache.addRows(rows)
  const data: Array<Record<string, unknown>> = rows.map((row) => cache.get(row.rid))
  if (computed && rows.length > 0) {
    const values = evaluator.evaluateMap(computed, rows.map((r) => [r.rid]))
    return { data: data.map((record, i) => ({ ...record, ...values[i] })), total }
  }
  return { data, total }
}

/** One page of rows and the total; a single pass with a window count when there is a where. */
function runPage(db: Database.Database, compiled: CompiledSearch, query: SearchQuery): { rows: RecordRow[]; total: number } {
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
