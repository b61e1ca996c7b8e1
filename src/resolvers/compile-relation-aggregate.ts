import { GraphQLError } from 'graphql'
import type { RelationMapping, TypeMapping } from '../schema/storage-mapping.js'
import { inverseEdges } from '../schema/storage-mapping.js'
import { aggregateSelect, type WantedAggregates } from './compile-aggregate.js'
import { relationClauses } from './compile-relation.js'
import type { CompileScope } from './compile-selection.js'
import { compileWhere, type WhereInput } from './compile-where.js'
import { allOf, type GatewaySearchQuery } from './search-query.js'

/** The select key holding each group's parent id. */
export const PARENT_KEY = 'parentId'

/**
 * Compiles `<relation>Aggregate(where)` for a batch of parents into ONE SearchQuery over the child
 * label: the children matching `where` that hang off one of the parents (a related block on the
 * parent label, aliased `$parent`), grouped by the parent's id with the wanted aggregates per
 * group. Parents without matching children have no row. A relation stored with several edge shapes
 * needs a type list in one `$relation` (the engine's extension): a plain RushDB server would need
 * one aliased block per shape under `$or`, which it cannot group by, so it is refused there.
 */
export function compileRelationAggregate(
  scope: CompileScope,
  parent: TypeMapping,
  relation: RelationMapping,
  where: WhereInput | null | undefined,
  wanted: WantedAggregates,
  parentIds: readonly string[]
): GatewaySearchQuery {
  const target = scope.lookup(relation.target)
  const clauses = relationClauses(inverseEdges(relation.edges), scope.profile)
  if (clauses.length !== 1) {
    throw new GraphQLError(
      `${parent.name}.${relationAggregateName(relation, parent)} is not available on a RushDB server: the relation is stored with ${clauses.length} edge shapes, which RushDB cannot group in one query; ask ${target.rootPlural}Aggregate with a filter on the parent instead`,
      { extensions: { code: 'BAD_USER_INPUT' } }
    )
  }
  const block = { [parent.label]: { $relation: clauses[0], $alias: '$parent', $id: { $in: [...parentIds] } } }
  const query: GatewaySearchQuery = {
    labels: [relation.label],
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

/** The GraphQL field name of a relation's aggregate (`tickets` → `ticketsAggregate`). */
export function relationAggregateName(relation: RelationMapping, parent: TypeMapping): string {
  const entry = Object.entries(parent.relations).find(([, r]) => r === relation)
  return `${entry ? entry[0] : relation.label.toLowerCase()}Aggregate`
}
