import type { EdgeMapping } from '../schema/storage-mapping.js'

/** RushDB's `$relation` value for a relation's edges: one type or several, with a direction when they agree. */
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
