import type { BackendProfile } from '../rushdb/backend-profile.js'
import type { EdgeMapping } from '../schema/storage-mapping.js'
import type { Where } from './search-query.js'

/** RushDB's `$relation` value: one type (or, as an engine extension, several), with a direction when known. */
export interface RelationClause {
  type: string | string[]
  direction?: 'in' | 'out'
}

/**
 * Compiles a field's edge mappings into one `$relation`. Several types become a type list (an
 * engine extension); when their directions differ the clause matches either direction, which is
 * exact as long as a type links the two labels in one way only (true of every mapping here).
 */
export function compileRelation(edges: EdgeMapping[]): RelationClause {
  const types = [...new Set(edges.map((e) => e.type))]
  const directions = new Set(edges.map((e) => e.direction))
  const direction = directions.size === 1 ? [...directions][0] : 'any'
  const clause: RelationClause = { type: types.length === 1 ? types[0] : types }
  if (direction !== 'any') clause.direction = direction
  return clause
}

/**
 * The `$relation` clauses a relation needs on a backend: one clause (type list) where type lists
 * are accepted, else one exact clause per distinct edge (type and direction), to be ORed.
 */
export function relationClauses(edges: EdgeMapping[], profile: BackendProfile): RelationClause[] {
  if (profile.relationTypeLists) return [compileRelation(edges)]
  const seen = new Map<string, RelationClause>()
  for (const edge of edges) {
    const clause: RelationClause = { type: edge.type }
    if (edge.direction !== 'any') clause.direction = edge.direction
    seen.set(`${edge.type}\u0000${edge.direction}`, clause)
  }
  return [...seen.values()]
}

/**
 * "Has a `label` neighbour over one of `edges` satisfying `inner`": one related block, or on
 * backends without type lists an `$or` of one block per edge (plain RushDB accepts both).
 */
export function relatedBlock(label: string, edges: EdgeMapping[], inner: Where, profile: BackendProfile): Where {
  const blocks = relationClauses(edges, profile).map((clause) => ({ [label]: { $relation: clause, ...inner } }))
  return blocks.length === 1 ? blocks[0] : { $or: blocks }
}
