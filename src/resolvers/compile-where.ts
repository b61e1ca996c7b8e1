import type { BackendProfile } from '../rushdb/backend-profile.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { propertyOf } from '../schema/storage-mapping.js'
import { compileScalarFilter, type ScalarFilter } from './compile-filter.js'
import { relatedBlock } from './compile-relation.js'
import { allOf, type Where } from './search-query.js'

/** Finds the storage mapping of a GraphQL type by name. */
export type MappingLookup = (typeName: string) => TypeMapping

/** What compiling a filter needs: the mappings of related types and the backend's capabilities. */
export interface WhereScope {
  lookup: MappingLookup
  profile: BackendProfile
}

/** A `where` input as GraphQL coerced it. */
export type WhereInput = Record<string, unknown>

interface RelationFilter {
  some?: WhereInput | null
  none?: WhereInput | null
  all?: WhereInput | null
}

/** Compiles a type's `where` input (nested-operator shape) into a RushDB `where`. */
export function compileWhere(mapping: TypeMapping, where: WhereInput | null | undefined, scope: WhereScope): Where {
  if (!where) return {}
  const parts: Where[] = []
  for (const [field, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue
    if (field === 'AND') parts.push(allOf((value as WhereInput[]).map((w) => compileWhere(mapping, w, scope))))
    else if (field === 'OR') parts.push(anyOf((value as WhereInput[]).map((w) => compileWhere(mapping, w, scope))))
    else if (field === 'NOT') parts.push(negate(compileWhere(mapping, value as WhereInput, scope)))
    else if (field === 'id') parts.push({ $id: compileScalarFilter(value as ScalarFilter, 'ID', scope.profile) })
    else if (field in mapping.relations) parts.push(compileRelationFilter(mapping, field, value as RelationFilter, scope))
    else if (field in mapping.fields) {
      const fieldMapping = mapping.fields[field]
      parts.push({ [propertyOf(field, fieldMapping)]: compileScalarFilter(value as ScalarFilter, fieldMapping.kind, scope.profile) })
    }
  }
  return allOf(parts)
}

function anyOf(parts: Where[]): Where {
  if (parts.length === 0) return {}
  // An empty branch of an OR is "always true", which makes the whole OR true.
  if (parts.some((p) => Object.keys(p).length === 0)) return {}
  return parts.length === 1 ? parts[0] : { $or: parts }
}

function negate(part: Where): Where {
  // NOT of "always true" is "never": a contradiction RushDB can evaluate.
  if (Object.keys(part).length === 0) return { $id: { $exists: false } }
  return { $not: part }
}

/**
 * `some` is RushDB's related-record block (existence); `none` is its negation; `all` is
 * "no related record that fails the filter", i.e. NOT some(NOT filter), which is sound for any filter.
 */
function compileRelationFilter(mapping: TypeMapping, field: string, filter: RelationFilter, scope: WhereScope): Where {
  const relation = mapping.relations[field]
  const target = scope.lookup(relation.target)
  const block = (inner: Where): Where => relatedBlock(relation.label, relation.edges, inner, scope.profile)
  const parts: Where[] = []
  if (filter.some) parts.push(block(compileWhere(target, filter.some, scope)))
  if (filter.none) parts.push(negate(block(compileWhere(target, filter.none, scope))))
  if (filter.all) {
    const inner = compileWhere(target, filter.all, scope)
    if (Object.keys(inner).length > 0) parts.push(negate(block(negate(inner))))
  }
  return allOf(parts)
}
