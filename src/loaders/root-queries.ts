import { getNamedType, GraphQLError, type GraphQLObjectType, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { compileOrder, type OrderByInput } from '../resolvers/compile-order.js'
import { compileListQuery } from '../resolvers/compile-list-query.js'
import { compileScopeOf } from '../resolvers/compile-scope.js'
import { checkLimit, checkOffset } from '../resolvers/compile-selection.js'
import type { WhereInput } from '../resolvers/compile-where.js'
import { afterCursor, decodeCursor, encodeCursor, reverseKeys } from '../resolvers/keyset-cursor.js'
import { selectedFields } from '../resolvers/walk-selection.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { findRecords } from './find-records.js'

function ownSelections(info: GraphQLResolveInfo): SelectionSetNode[] {
  return info.fieldNodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s)
}

/** `customers(where, orderBy, limit, offset)`: one RushDB call for the list and everything nested in it. */
export async function listRecords(mapping: TypeMapping, args: { where?: WhereInput; orderBy?: OrderByInput; limit?: number; offset?: number }, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<RecordShape[]> {
  const scope = compileScopeOf(info, ctx.config.pageSize)
  const query = compileListQuery(scope, mapping, {
    where: args.where,
    orderBy: args.orderBy,
    limit: checkLimit('limit', args.limit, ctx.config.pageSize, ctx.config.pageSize.default),
    skip: checkOffset(args.offset),
    selectionSets: ownSelections(info),
    fold: ctx.config.foldRelations
  })
  return (await findRecords(ctx, query)).records
}

/** `customer(id | naturalKey)`: the record or null. */
export async function recordByKey(mapping: TypeMapping, args: Record<string, unknown>, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<RecordShape | null> {
  const given = Object.entries(args).filter(([, v]) => v !== undefined && v !== null)
  if (given.length !== 1) {
    const names = ['id', ...(mapping.naturalKey ? [mapping.naturalKey] : [])].join(' or ')
    throw new GraphQLError(`${mapping.rootSingular} needs exactly one of ${names}`, { extensions: { code: 'BAD_USER_INPUT' } })
  }
  const [name, value] = given[0]
  const extra = name === 'id' ? { $id: value } : { [name]: value }
  const scope = compileScopeOf(info, ctx.config.pageSize)
  const query = compileListQuery(scope, mapping, { extra, limit: 1, skip: 0, selectionSets: ownSelections(info), fold: ctx.config.foldRelations })
  return (await findRecords(ctx, query)).records[0] ?? null
}

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

function nodeSelections(info: GraphQLResolveInfo): SelectionSetNode[] {
  const scope = compileScopeOf(info, { default: 0, max: 0 })
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
 * `customersConnection`: keyset pagination. The cursor holds the sort-key values of its row, and the
 * next page is "rows after those values", so a page 50k rows in costs what the first page costs.
 */
export async function connectionPage(mapping: TypeMapping, args: ConnectionArgs, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<ConnectionPage> {
  if (args.first != null && args.last != null) throw new GraphQLError('pass first or last, not both', { extensions: { code: 'BAD_USER_INPUT' } })
  const backwards = args.last != null || (args.before != null && args.first == null)
  const size = checkLimit(backwards ? 'last' : 'first', backwards ? args.last : args.first, ctx.config.pageSize, ctx.config.pageSize.default)
  const forwardKeys = compileOrder(mapping, args.orderBy)
  const keys = backwards ? reverseKeys(forwardKeys) : forwardKeys
  const cursor = backwards ? args.before : args.after
  const extra = cursor ? afterCursor(keys, decodeCursor(keys, cursor, backwards ? 'before' : 'after')) : undefined
  const scope = compileScopeOf(info, ctx.config.pageSize)
  const query = compileListQuery(scope, mapping, { where: args.where, extra, keys, limit: size + 1, skip: 0, selectionSets: nodeSelections(info), fold: ctx.config.foldRelations })
  const wantsTotal = selectedFields(scope, getNamedType(info.returnType) as GraphQLObjectType, ownSelections(info)).some((f) => f.name === 'totalCount')
  const { records, total } = await findRecords(ctx, query)
  const more = records.length > size
  const page = records.slice(0, size)
  if (backwards) page.reverse()
  const edges = page.map((node) => ({ cursor: encodeCursor(forwardKeys, node), node }))
  let totalCount = total
  if (wantsTotal && cursor) {
    // The page query counted rows after the cursor; the total is over the whole filter.
    const countQuery = compileListQuery(scope, mapping, { where: args.where, limit: 1, skip: 0, selectionSets: [], fold: false })
    totalCount = (await findRecords(ctx, countQuery)).total
  }
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backwards ? !!args.before : more,
      hasPreviousPage: backwards ? more : !!args.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null
    }
  }
}
