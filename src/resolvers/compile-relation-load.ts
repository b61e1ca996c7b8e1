import type { RelationMapping, TypeMapping } from '../schema/storage-mapping.js'
import { inverseEdges } from '../schema/storage-mapping.js'
import { relationClauses } from './compile-relation.js'
import { relationPage, type CompileScope, type RelationArgs } from './compile-selection.js'
import { allOf, type GatewaySearchQuery } from './search-query.js'

/** RushDB's collect pages at most this many parents per child (its `pagination()` cap); batches are smaller. */
const COLLECT_LIMIT = 1000

/**
 * How one relation field is loaded for a batch of parents in plain RushDB: one query over the
 * CHILD label, filtered like the field and ordered like it, restricted to children of the batch
 * by a related block on the parent label, with each child's batch parents collected under
 * `parentKeys`. Each parent's `skip`/`limit` is applied by the gateway after grouping.
 */
export interface RelationLoad {
  /** The child query for these parent ids (the loader adds paging). */
  query(parentIds: readonly string[]): GatewaySearchQuery
  /** Aggregate keys holding, on each child, its parents among the batch (one per edge shape). */
  parentKeys: string[]
  skip: number
  limit: number
}

/**
 * Compiles a relation field into its plain-RushDB load. Several edge shapes become an `$or` of
 * parent blocks with one alias each (an alias is declared once); the collect asks for nested
 * form (`aggregate: {}`) because v1.8 returns a root's own properties with an aggregate only then.
 */
export function compileRelationLoad(scope: CompileScope, parent: TypeMapping, relation: RelationMapping, args: RelationArgs): RelationLoad {
  const { where: childWhere, orderBy, limit, skip } = relationPage(scope, relation, args)
  // The relation's edges are seen from the parent; the block on the parent is seen from the child.
  const clauses = relationClauses(inverseEdges(relation.edges), scope.profile)
  const parentKeys = clauses.map((_, i) => `parents${i}`)
  return {
    parentKeys,
    skip,
    limit,
    query(parentIds) {
      const blocks = clauses.map((clause, i) => ({ [parent.label]: { $relation: clause, $alias: `$parent${i}`, $id: { $in: [...parentIds] } } }))
      const aggregate = Object.fromEntries(parentKeys.map((key, i) => [key, { fn: 'collect', alias: `$parent${i}`, limit: COLLECT_LIMIT, aggregate: {} }]))
      return {
        labels: [relation.label],
        where: allOf([childWhere, blocks.length === 1 ? blocks[0] : { $or: blocks }]),
        orderBy,
        aggregate
      }
    }
  }
}
