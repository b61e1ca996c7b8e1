import { compileRootFilter } from './compile-filter.js'
import type { CompiledSql, SearchQuery, SearchScope } from './search-query.js'

/** A SELECT of the `rid` of every record matching labels + where (+ scope): no order, no paging. */
export function compileMatch(query: SearchQuery, scope?: SearchScope): CompiledSql {
  const { where } = compileRootFilter(query, scope)
  return { sql: `SELECT r.rid FROM records r WHERE ${where.sql}`, params: where.params }
}
