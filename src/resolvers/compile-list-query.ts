import type { SelectionSetNode } from 'graphql'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { compileOrder, toRushdbOrder, type OrderByInput, type SortKey } from './compile-order.js'
import { compileSelect, type CompileScope } from './compile-selection.js'
import { compileWhere, type WhereInput } from './compile-where.js'
import { allOf, type GatewaySearchQuery, type Where } from './search-query.js'

/** Inputs of a root list query, already validated. */
export interface ListQueryInput {
  where?: WhereInput | null
  orderBy?: OrderByInput | null
  limit: number
  skip: number
  /** Extra conditions ANDed to the user's filter (keyset predicate, id lookup). */
  extra?: Where
  /** Sort keys to use instead of compiling `orderBy` (keyset pages pass reversed keys). */
  keys?: SortKey[]
  /** Selection sets of the records, folded into the query when `fold` is set. */
  selectionSets: readonly SelectionSetNode[]
  fold: boolean
  /** Whether the caller reads `total`; when not, backends that can skip counting are told to. */
  countTotal: boolean
}

/** Compiles a root field (list, page or lookup) and its whole nested selection into ONE SearchQuery. */
export function compileListQuery(scope: CompileScope, mapping: TypeMapping, input: ListQueryInput): GatewaySearchQuery {
  const keys = input.keys ?? compileOrder(mapping, input.orderBy)
  const where = allOf([compileWhere(mapping, input.where, scope), input.extra ?? {}])
  const query: GatewaySearchQuery = { labels: [mapping.label], orderBy: toRushdbOrder(keys), limit: input.limit }
  if (Object.keys(where).length > 0) query.where = where
  if (input.skip > 0) query.skip = input.skip
  if (!input.countTotal && scope.profile.skipTotal) query.skipTotal = true
  if (input.fold) {
    const select = compileSelect(scope, mapping, input.selectionSets)
    if (select) query.select = select
  }
  return query
}
