import { relationClauses } from '../resolvers/compile-relation.js'
import type { Where } from '../resolvers/search-query.js'
import type { BackendProfile } from '../rushdb/backend-profile.js'
import { inverseEdges, type EdgeMapping, type RelationMapping } from '../schema/storage-mapping.js'

/**
 * One related block `{LABEL: {$relation, ...inner}}` over `edges`, always a single block so it can
 * carry an `$alias` (an alias is declared once). Where the backend cannot list several
 * relationship types in one `$relation`, edges of several shapes are matched over any edge between
 * the two labels: in this graph those labels are linked only by these edges, so the answer is the
 * same.
 */
export function hop(label: string, edges: EdgeMapping[], inner: Where, profile: BackendProfile): Where {
  const clauses = relationClauses(edges, profile)
  return { [label]: clauses.length === 1 ? { $relation: clauses[0], ...inner } : { ...inner } }
}

/** A hop along a relation field, from its owner to its target records. */
export function along(relation: RelationMapping, inner: Where, profile: BackendProfile): Where {
  return hop(relation.label, relation.edges, inner, profile)
}

/** A hop back along a relation field, from its target records to the owner (labelled `ownerLabel`). */
export function back(ownerLabel: string, relation: RelationMapping, inner: Where, profile: BackendProfile): Where {
  return hop(ownerLabel, inverseEdges(relation.edges), inner, profile)
}
