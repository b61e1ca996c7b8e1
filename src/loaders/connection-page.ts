import { getNamedType, GraphQLError, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { compileListQuery } from '../resolvers/compile-list-query.js'
import { compileOrder, type OrderByInput, type SortKey } from '../resolvers/compile-order.js'
import { checkLimit, type CompileScope } from '../resolvers/compile-selection.js'
import type { WhereInput } from '../resolvers/compile-where.js'
import { afterCursor, decodeCursor, encodeCursor, reverseKeys } from '../resolvers/keyset-cursor.js'
import { selectedFields } from '../resolvers/walk-selection.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { anchoredPage } from './anchored-page.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import { findRecords } from './find-records.js'
import { ownSelections, scopeOf } from './root-queries.js'

/** Arguments of a Relay connection field. */
export interface ConnectionArgs {
  where?: WhereInput
  orderBy?: OrderByInput
  first?: number
  after?: string
  last?: number
  before?: string
}

/** A page of a connection: the records with their cursors, page info, and the count when selected. */
export interface ConnectionPage {
  edges: Array<{ cursor: string; node: RecordShape }>
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
  totalCount: number | undefined
}

/** What both paging strategies need, validated once. */
export interface PageRequest {
  mapping: TypeMapping
  scope: CompileScope
  where?: WhereInput
  /** Sort keys of the forward order (ending with the id). */
  keys: SortKey[]
  backwards: boolean
  size: number
  /** `after` (forwards) or `before` (backwards). */
  cursor?: string
  selectionSets: SelectionSetNode[]
  wantsTotal: boolean
}

function nodeSelections(scope: CompileScope, info: GraphQLResolveInfo): SelectionSetNode[] {
  const type = getNamedType(info.returnType) as GraphQLObjectType
  const sets: SelectionSetNode[] = []
  for (const field of selectedFields(scope, type, ownSelections(info))) {
    if (field.name === 'nodes' && field.selectionSet) sets.push(field.selectionSet)
    if (field.name === 'edges' && field.selectionSet) {
      const edgeType = info.schema.getType(`${type.name.replace(/Connection$/, 'Edge')}`) as GraphQLObjectType
      for (const f of selectedFields(scope, edgeType, [field.selectionSet])) if (f.name === 'node' && f.selectionSet) sets.push(f.selectionSet)
    }
  }
  return sets
}

/**
 * `customersConnection`: keyset cursors where the backend compares strings and ids by range (the
 * embedded profile), anchored offset cursors elsewhere (see anchored-page.ts). `totalCount` is
 * counted only when selected.
 */
export async function connectionPage(mapping: TypeMapping, args: ConnectionArgs, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<ConnectionPage> {
  const request = pageRequest(mapping, args, ctx, info)
  return request.scope.profile.stringRanges ? keysetPage(request, ctx) : anchoredPage(request, ctx)
}

/** Validates a connection field's arguments and reads its selection, once for either paging strategy. */
export function pageRequest(mapping: TypeMapping, args: ConnectionArgs, ctx: GatewayContext, info: GraphQLResolveInfo): PageRequest {
  if (args.first != null && args.last != null) throw new GraphQLError('pass first or last, not both', { extensions: { code: 'BAD_USER_INPUT' } })
  const backwards = args.last != null || (args.before != null && args.first == null)
  const scope = scopeOf(ctx, info)
  return {
    mapping,
    scope,
    where: args.where,
    keys: compileOrder(mapping, args.orderBy),
    backwards,
    size: checkLimit(backwards ? 'last' : 'first', backwards ? args.last : args.first, ctx.config.pageSize, ctx.config.pageSize.default),
    cursor: (backwards ? args.before : args.after) ?? undefined,
    selectionSets: nodeSelections(scope, info),
    wantsTotal: selectedFields(scope, getNamedType(info.returnType) as GraphQLObjectType, ownSelections(info)).some((f) => f.name === 'totalCount')
  }
}

/** The page query of a keyset page: rows after the cursor's key values, one more than the page to see if more follow (pure). */
export function keysetQuery(req: PageRequest, fold: boolean): GatewaySearchQuery {
  const keys = req.backwards ? reverseKeys(req.keys) : req.keys
  const extra = req.cursor ? afterCursor(keys, decodeCursor(keys, req.cursor, req.backwards ? 'before' : 'after')) : undefined
  // Past a cursor the page query counts only rows after it, so the total needs its own query.
  const countTotal = req.wantsTotal && !req.cursor
  return compileListQuery(req.scope, req.mapping, { where: req.where, extra, keys, limit: req.size + 1, skip: 0, selectionSets: req.selectionSets, fold, countTotal })
}

/**
 * Keyset pagination: the cursor holds the sort-key values of its row, and the next page is "rows
 * after those values", so a page 50k rows in costs what the first page costs.
 */
async function keysetPage(req: PageRequest, ctx: GatewayContext): Promise<ConnectionPage> {
  const { mapping, scope, backwards, size, cursor } = req
  const query = keysetQuery(req, ctx.config.foldRelations)
  const totalFromPage = req.wantsTotal && !cursor
  const { records, total } = await findRecords(ctx, query)
  const more = records.length > size
  const page = records.slice(0, size)
  if (backwards) page.reverse()
  const edges = page.map((node) => ({ cursor: encodeCursor(req.keys, node), node }))
  let totalCount = totalFromPage ? total : undefined
  if (req.wantsTotal && cursor) {
    const countQuery = compileListQuery(scope, mapping, { where: req.where, limit: 1, skip: 0, selectionSets: [], fold: false, countTotal: true })
    totalCount = (await findRecords(ctx, countQuery)).total
  }
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backwards ? !!cursor : more,
      hasPreviousPage: backwards ? more : !!cursor,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null
    }
  }
}
