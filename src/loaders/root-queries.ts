import { GraphQLError, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { compileListQuery } from '../resolvers/compile-list-query.js'
import { compileScopeOf } from '../resolvers/compile-scope.js'
import { checkLimit, checkOffset, type CompileScope } from '../resolvers/compile-selection.js'
import type { WhereInput } from '../resolvers/compile-where.js'
import type { OrderByInput } from '../resolvers/compile-order.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { findRecords } from './find-records.js'

/** The selection sets of the field being resolved. */
export function ownSelections(info: GraphQLResolveInfo): SelectionSetNode[] {
  return info.fieldNodes.map((n) => n.selectionSet).filter((s): s is SelectionSetNode => !!s)
}

/** The compile scope of a resolver: its operation, the configured page limits, the backend's profile. */
export function scopeOf(ctx: GatewayContext, info: GraphQLResolveInfo): CompileScope {
  return compileScopeOf(info, ctx.config.pageSize, ctx.backend.profile)
}

/** Arguments of a root list field. */
export interface ListArgs {
  where?: WhereInput
  orderBy?: OrderByInput
  limit?: number
  offset?: number
}

/** `customers(where, orderBy, limit, offset)`: one RushDB call for the list and everything folded into it. */
export async function listRecords(mapping: TypeMapping, args: ListArgs, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<RecordShape[]> {
  return (await findRecords(ctx, listQuery(mapping, args, ctx, info))).records
}

/** The one SearchQuery of a root list field and its folded selection (pure; what `listRecords` sends). */
export function listQuery(mapping: TypeMapping, args: ListArgs, ctx: GatewayContext, info: GraphQLResolveInfo): GatewaySearchQuery {
  return compileListQuery(scopeOf(ctx, info), mapping, {
    where: args.where,
    orderBy: args.orderBy,
    limit: checkLimit('limit', args.limit, ctx.config.pageSize, ctx.config.pageSize.default),
    skip: checkOffset(args.offset),
    selectionSets: ownSelections(info),
    fold: ctx.config.foldRelations,
    countTotal: false
  })
}

/** `customer(id | naturalKey)`: the record or null. */
export async function recordByKey(mapping: TypeMapping, args: Record<string, unknown>, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<RecordShape | null> {
  return (await findRecords(ctx, lookupQuery(mapping, args, ctx, info))).records[0] ?? null
}

/** The one SearchQuery of a lookup by id or natural key (pure; what `recordByKey` sends). */
export function lookupQuery(mapping: TypeMapping, args: Record<string, unknown>, ctx: GatewayContext, info: GraphQLResolveInfo): GatewaySearchQuery {
  const given = Object.entries(args).filter(([, v]) => v !== undefined && v !== null)
  if (given.length !== 1) {
    const names = ['id', ...(mapping.naturalKey ? [mapping.naturalKey] : [])].join(' or ')
    throw new GraphQLError(`${mapping.rootSingular} needs exactly one of ${names}`, { extensions: { code: 'BAD_USER_INPUT' } })
  }
  const [name, value] = given[0]
  const extra = name === 'id' ? { $id: value } : { [name]: value }
  return compileListQuery(scopeOf(ctx, info), mapping, {
    extra,
    limit: 1,
    skip: 0,
    selectionSets: ownSelections(info),
    fold: ctx.config.foldRelations,
    countTotal: false
  })
}
