import { GraphQLError, type GraphQLResolveInfo } from 'graphql'
import type { GatewayContext } from '../context.js'
import { compileAggregateQuery, readAggregateValues, wantedAggregates, type AggregateValues } from '../resolvers/compile-aggregate.js'
import { compileGroupByQuery, MAX_GROUPS, readGroupRows, type GroupByKeyInput, type GroupOrderInput, type GroupRow } from '../resolvers/compile-group-by.js'
import { compileRelationAggregate, PARENT_KEY, type AggregatePath } from '../resolvers/compile-relation-aggregate.js'
import { checkLimit, checkOffset } from '../resolvers/compile-selection.js'
import { compileWhere, type WhereInput } from '../resolvers/compile-where.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { findRecords } from './find-records.js'
import { ownSelections, scopeOf } from './root-queries.js'

/**
 * Aggregate rows, or a clear error when the backend answered records instead: RushDB before 2.0
 * ignores `select`/`groupBy` (unknown keys pass its validation), which would read as empty groups.
 */
async function findRows(ctx: GatewayContext, query: GatewaySearchQuery): Promise<Array<Record<string, unknown>>> {
  const { records } = await findRecords(ctx, query)
  if (records.some((row) => !('count' in row) || '__proptypes' in row)) {
    throw new GraphQLError('RushDB answered records instead of aggregate rows: aggregates and group-by need a RushDB server with select/groupBy (2.0 or later)', {
      extensions: { code: 'BACKEND_REJECTED' }
    })
  }
  return records
}

/** `<types>Aggregate(where)`: the count and the selected sums, averages, minima and maxima, in one RushDB call. */
export async function aggregateRecords(mapping: TypeMapping, args: { where?: WhereInput | null }, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<AggregateValues> {
  const scope = scopeOf(ctx, info)
  const wanted = wantedAggregates(scope, `${mapping.name}Aggregate`, ownSelections(info))
  const query = compileAggregateQuery(scope, mapping, compileWhere(mapping, args.where, scope), wanted)
  return readAggregateValues((await findRows(ctx, query))[0], wanted)
}

/** Arguments of `<types>GroupBy`. */
export interface GroupByArgs {
  where?: WhereInput | null
  by: GroupByKeyInput[]
  orderBy?: GroupOrderInput[] | null
  limit?: number | null
  offset?: number | null
}

/** The one SearchQuery of `<types>GroupBy(...)` and the aggregates its selection asks for (no call). */
export function groupByQuery(mapping: TypeMapping, args: GroupByArgs, ctx: GatewayContext, info: GraphQLResolveInfo): { query: GatewaySearchQuery; wanted: ReturnType<typeof wantedAggregates> } {
  const scope = scopeOf(ctx, info)
  const wanted = wantedAggregates(scope, `${mapping.name}Group`, ownSelections(info))
  const limits = { default: ctx.config.pageSize.max, max: MAX_GROUPS }
  const query = compileGroupByQuery(
    scope,
    mapping,
    {
      where: compileWhere(mapping, args.where, scope),
      by: args.by,
      orderBy: args.orderBy,
      limit: checkLimit('limit', args.limit, limits, limits.default),
      skip: checkOffset(args.offset)
    },
    wanted
  )
  return { query, wanted }
}

/** `<types>GroupBy(...)`: the groups with their selected aggregates, in one RushDB call. */
export async function groupRecords(mapping: TypeMapping, args: GroupByArgs, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<GroupRow[]> {
  const { query, wanted } = groupByQuery(mapping, args, ctx, info)
  return readGroupRows(mapping, args.by, wanted, await findRows(ctx, query))
}

/**
 * `<relation>Aggregate(where)` of one parent, batched: every parent of the level asking for the
 * same field with the same arguments and selection shares ONE RushDB call (grouped by parent).
 */
export function aggregateRelation(path: AggregatePath, parentId: string, args: { where?: WhereInput | null }, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<AggregateValues> {
  const scope = scopeOf(ctx, info)
  const wanted = wantedAggregates(scope, `${path.hops[path.hops.length - 1].target}Aggregate`, ownSelections(info))
  const key = `aggregate:${path.parent.name}.${info.fieldName}:${JSON.stringify(args.where ?? null)}:${JSON.stringify(wanted)}`
  const loader = ctx.loaders.get<AggregateValues>(key, async (ids) => {
    const records = await findRows(ctx, compileRelationAggregate(scope, path, args.where, wanted, ids))
    const byParent = new Map(records.map((row) => [row[PARENT_KEY] as string, row]))
    return ids.map((id) => readAggregateValues(byParent.get(id), wanted))
  })
  return loader.load(parentId)
}
