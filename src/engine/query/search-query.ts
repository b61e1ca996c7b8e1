/** A RushDB search body: labels, where, ordering, paging, and one of aggregate or select(+groupBy). */
export interface SearchQuery {
  labels?: string[]
  where?: Record<string, unknown>
  orderBy?: 'asc' | 'desc' | Record<string, 'asc' | 'desc'>
  limit?: number
  skip?: number
  aggregate?: Record<string, unknown>
  select?: Record<string, unknown>
  groupBy?: string[]
  /** Extension: do not count matching roots; the answer then has no `total`. */
  skipTotal?: boolean
}

/** Restrictions a route adds to a search (`POST /records/:id/search` restricts roots to neighbours). */
export interface SearchScope {
  relatedToRid?: number
}

/** A SQL statement with its positional parameters, in order. */
export interface CompiledSql {
  sql: string
  params: unknown[]
}
