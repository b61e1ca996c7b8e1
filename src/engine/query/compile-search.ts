import type { CompileContext } from './compile-context.js'
import { compileRootFilter, type Candidates } from './compile-filter.js'
import { compileOrder, normalizeOrder } from './compile-order.js'
import type { CompiledSql, SearchQuery, SearchScope } from './search-query.js'
import { sql } from './sql-fragment.js'

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
  const { where, ctx } = compileRootFilter(query, scope, undefined, candidates)
  const order = compileOrder(normalizeOrder(query.orderBy))
  const base = sql('FROM records r WHERE ', where)
  const ordered = sql(base, ' ORDER BY ', order)
  const page = sql('SELECT r.rid, r.id, r.label, r.props, r.proptypes ', ordered, ' LIMIT ? OFFSET ?')
  page.params.push(query.limit ?? DEFAULT_LIMIT, query.skip ?? 0)
  const all = sql('SELECT r.rid ', ordered)
  const count = sql('SELECT COUNT(*) AS n ', base)
  return { count, page, all, from: base, ctx }
}
