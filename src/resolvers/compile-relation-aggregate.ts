import { GraphQLError } from 'graphql'
import type { RelationMapping, TypeMapping } from '../schema/storage-mapping.js'
import { inverseEdges } from '../schema/storage-mapping.js'
import { aggregateSelect, type WantedAggregates } from './compile-aggregate.js'
import { relationClauses, type RelationClause } from './compile-relation.js'
import type { CompileScope } from './compile-selection.js'
import { compileWhere, type WhereInput } from './compile-where.js'
import { allOf, type GatewaySearchQuery, type Where } from './search-query.js'

/** The select key holding each group's parent id. */
export const PARENT_KEY = 'parentId'

/** What a relation aggregate field aggregates: the records reached from `parent` over `hops`, in order. */
export interface AggregatePath {
  parent: TypeMapping
  /** One relation (`Customer.tickets`) or a chain (`Account.subscriptions` then `Subscription.invoices`). */
  hops: RelationMapping[]
  /** The GraphQL field name, for messages. */
  field: string
}

function oneClause(scope: CompileScope, path: AggregatePath, relation: RelationMapping): RelationClause {
  const clauses = relationClauses(inverseEdges(relation.edges), scope.profile)
  if (clauses.length === 1) return clauses[0]
  const target = scope.lookup(path.hops[path.hops.length - 1].target)
  throw new GraphQLError(
    `${path.parent.name}.${path.field} is not available on a RushDB server: ${relation.label} records are linked with ${clauses.length} edge shapes, which RushDB cannot group in one query; ask ${target.rootPlural}Aggregate with a filter on the parent instead`,
    { extensions: { code: 'BAD_USER_INPUT' } }
  )
}

/**
 * Compiles a relation aggregate for a batch of parents into ONE SearchQuery over the last label of
 * the path: the records matching `where` reached back to one of the parents through nested related
 * blocks (the parent's aliased `$parent`), grouped by the parent's id with the wanted aggregates
 * per group. Parents without matching records have no row. A hop stored with several edge shapes
 * needs a type list in one `$relation` (the engine's extension): a plain RushDB server would need
 * one aliased block per shape under `$or`, which it cannot group by, so it is refused there.
 */
export function compileRelationAggregate(
  scope: CompileScope,
  path: AggregatePath,
  where: WhereInput | null | undefined,
  wanted: WantedAggregates,
  parentIds: readonly string[]
): GatewaySearchQuery {
  const { parent, hops } = path
  const target = scope.lookup(hops[hops.length - 1].target)
  // From the innermost block (the parent, seen from the first hop's records) outwards to the
  // records aggregated: each block is the previous hop's label, reached over the inverse edges.
  let block: Where = { [parent.label]: { $relation: oneClause(scope, path, hops[0]), $alias: '$parent', $id: { $in: [...parentIds] } } }
  for (let i = 1; i < hops.length; i++) block = { [hops[i - 1].label]: { $relation: oneClause(scope, path, hops[i]), ...block } }
  const query: GatewaySearchQuery = {
    labels: [target.label],
    where: allOf([compileWhere(target, where, scope), block]),
    select: { ...aggregateSelect(target, wanted), [PARENT_KEY]: '$parent.__id' },
    groupBy: [PARENT_KEY],
    // One order key naming a select key: RushDB aggregates before paging.
    orderBy: { [PARENT_KEY]: 'asc' },
    limit: Math.max(1, parentIds.length)
  }
  if (scope.profile.skipTotal) query.skipTotal = true
  return query
}
