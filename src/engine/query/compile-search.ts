import { CompileContext, DEFAULT_STRATEGY, type CompileStrategy } from './compile-context.js'
import { compileRootFilter, type Candidates } from './compile-filter.js'
import { compileOrder, normalizeOrder } from './compile-order.js'
import type { CompiledSql, SearchQuery, SearchScope } from './search-query.js'
import { sql } from './sql-fragment.js'

/** Strategy when the in-memory indexes hand SQL a candidate list (see compileSearch). */
const CANDIDATE_STRATEGY: CompileStrategy = { ...DEFAULT_STRATEGY, property: 'exists' }

/** Default page size (RushDB `pagination()`). */
export const DEFAULT_LIMIT = 100

/** The SQL of a plain record search: `count` (total ignoring paging) and one ordered `page`. */
export interface CompiledSearch {
  count: CompiledSql
  page: CompiledSql
  /** Every matching rid in the query's order (for post-aggregation ordering and grouping). */
  all: CompiledSql
  /** `FROM records r WHERE …`: the matching roots, for statements that read other columns of them. */
  from: CompiledSql
  ctx: CompileContext
}

/** Compiles the count, page and full-order statements of a search; paging applies after every filter. */
export function compileSearch(query: SearchQuery, scope?: SearchScope, candidates?: Candidates): CompiledSearch {
  // With candidate rids, property filters probe each candidate's values: an uncorrelated
  // `rid IN (SELECT … FROM vals …)` beside the candidates' own `rid IN (…)` makes SQLite walk the
  // cross product of both lists (seconds for a few thousand rids).
  const ctx = candidates ? new CompileContext(CANDIDATE_STRATEGY) : undefined
  const { where, ctx: used } = compileRootFilter(query, scope, ctx, candidates)
  const order = compileOrder(normalizeOrder(query.orderBy))
  const base = sql('FROM records r WHERE ', where)
  const ordered = sql(base, ' ORDER BY ', order)
  const page = sql('SELECT r.rid, r.id, r.label, r.props, r.proptypes ', ordered, ' LIMIT ? OFFSET ?')
  page.params.push(query.limit ?? DEFAULT_LIMIT, query.skip ?? 0)
  const all = sql('SELECT r.rid ', ordered)
  const count = sql('SELECT COUNT(*) AS n ', base)
  return { count, page, all, from: base, ctx: used }
}
