import { GraphQLError, type GraphQLObjectType, type SelectionSetNode } from 'graphql'
import type { RelationMapping, TypeMapping } from '../schema/storage-mapping.js'
import { compileOrder, toRushdbOrder, type OrderByInput } from './compile-order.js'
import { compileRelation } from './compile-relation.js'
import { compileWhere, type WhereInput, type WhereScope } from './compile-where.js'
import type { Where } from './search-query.js'
import { selectedFields, type OperationScope } from './walk-selection.js'

/** The key under which a folded relation's records ride on their parent record. */
export function foldedKey(responseKey: string): string {
  return `rel__${responseKey}`
}

/** Arguments of a relation list field. */
export interface RelationArgs {
  where?: WhereInput | null
  orderBy?: OrderByInput | null
  limit?: number | null
  offset?: number | null
}

/** Page-size limits applied to nested lists. */
export interface PageLimits {
  default: number
  max: number
}

/** Validates a page size against the configured maximum; a clear error names the argument. */
export function checkLimit(name: string, value: number | null | undefined, limits: PageLimits, fallback: number): number {
  if (value === null || value === undefined) return fallback
  if (!Number.isInteger(value) || value < 1 || value > limits.max) {
    throw new GraphQLError(`${name} must be between 1 and ${limits.max}, got ${value}`, { extensions: { code: 'BAD_USER_INPUT' } })
  }
  return value
}

/** Validates an offset (non-negative integer). */
export function checkOffset(value: number | null | undefined): number {
  if (value === null || value === undefined) return 0
  if (!Number.isInteger(value) || value < 0) throw new GraphQLError(`offset must be 0 or more, got ${value}`, { extensions: { code: 'BAD_USER_INPUT' } })
  return value
}

/** Everything compiling a selection needs besides the selection itself (mappings, limits, backend profile). */
export interface CompileScope extends OperationScope, WhereScope {
  limits: PageLimits
}

/** A relation field's page as RushDB terms: filter, order, limit and skip (a to-one relation: its one record). */
export interface RelationPage {
  target: TypeMapping
  where: Where
  orderBy: ReturnType<typeof toRushdbOrder>
  limit: number
  skip: number
}

/** Compiles a relation field's arguments, checked against the page limits, whichever way it is then loaded. */
export function relationPage(scope: CompileScope, relation: RelationMapping, args: RelationArgs): RelationPage {
  const target = scope.lookup(relation.target)
  const many = relation.cardinality === 'many'
  return {
    target,
    where: many ? compileWhere(target, args.where, scope) : {},
    orderBy: toRushdbOrder(compileOrder(target, many ? args.orderBy : null)),
    limit: many ? checkLimit('limit', args.limit, scope.limits, scope.limits.max) : 1,
    skip: many ? checkOffset(args.offset) : 0
  }
}

/**
 * The `$collect` spec for one relation field: its records per parent, filtered, ordered and paged.
 * An engine extension: only for profiles with `relatedCollect`.
 */
export function compileCollect(
  scope: CompileScope,
  relation: RelationMapping,
  args: RelationArgs,
  selectionSets: readonly SelectionSetNode[]
): Record<string, unknown> {
  if (!scope.profile.relatedCollect) throw new Error(`the ${scope.profile.name} profile has no related $collect`)
  const { target, where, orderBy, limit, skip } = relationPage(scope, relation, args)
  const spec: Record<string, unknown> = { label: relation.label, relation: compileRelation(relation.edges), orderBy, limit }
  if (Object.keys(where).length > 0) spec.where = where
  if (skip > 0) spec.skip = skip
  const nested = selectionSets.length > 0 ? compileSelect(scope, target, selectionSets) : undefined
  if (nested) spec.select = nested
  return { $collect: spec }
}

/**
 * Folds every relation field selected on a record type into a RushDB `select` of `$collect`s, to
 * any depth, so one SearchQuery answers the whole nested selection. Undefined when none is selected.
 */
export function compileSelect(scope: CompileScope, mapping: TypeMapping, selectionSets: readonly SelectionSetNode[]): Record<string, unknown> | undefined {
  const type = scope.schema.getType(mapping.name) as GraphQLObjectType
  const select: Record<string, unknown> = {}
  for (const field of selectedFields(scope, type, selectionSets)) {
    const relation = mapping.relations[field.name]
    if (!relation) continue
    select[foldedKey(field.responseKey)] = compileCollect(scope, relation, field.args as RelationArgs, field.selectionSet ? [field.selectionSet] : [])
  }
  return Object.keys(select).length > 0 ? select : undefined
}
