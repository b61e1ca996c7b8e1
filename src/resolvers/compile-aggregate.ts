import { GraphQLError, type GraphQLObjectType, type SelectionSetNode } from 'graphql'
import type { ScalarKind, TypeMapping } from '../schema/storage-mapping.js'
import { propertyOf } from '../schema/storage-mapping.js'
import type { CompileScope } from './compile-selection.js'
import { selectedFields, type OperationScope } from './walk-selection.js'

/** Aggregate functions over a field, as they appear in the GraphQL aggregate types. */
export type AggregateFn = 'sum' | 'avg' | 'min' | 'max'

/** The aggregates a selection asks for: the count, and per function the GraphQL field names. */
export interface WantedAggregates {
  count: boolean
  fields: Record<AggregateFn, string[]>
}

/** The aggregate values of one set of records (a whole filter or one group), keyed as in the GraphQL types. */
export interface AggregateValues {
  count: number
  sum: Record<string, unknown>
  avg: Record<string, unknown>
  min: Record<string, unknown>
  max: Record<string, unknown>
}

const NUMERIC: ReadonlySet<ScalarKind> = new Set(['Int', 'Float', 'Money'])
const AGGREGATE_FNS: AggregateFn[] = ['sum', 'avg', 'min', 'max']

/** Field kinds `sum`/`avg` accept. */
export function isNumericKind(kind: ScalarKind): boolean {
  return NUMERIC.has(kind)
}

/** The fields of a type that `fn` applies to: numbers for sum/avg, numbers and datetimes for min/max. */
export function aggregatableFields(mapping: TypeMapping, fn: AggregateFn): string[] {
  return Object.entries(mapping.fields)
    .filter(([, m]) => m.filterable !== false && (isNumericKind(m.kind) || ((fn === 'min' || fn === 'max') && m.kind === 'DateTime')))
    .map(([name]) => name)
}

/** The select key of one aggregate (`sum_amount`), also the key a row carries back. */
export function aggregateKey(fn: AggregateFn, field: string): string {
  return `${fn}_${field}`
}

/**
 * Reads which aggregates a selection of `<Type>Aggregate` (or `<Type>Group`) asks for, following
 * fragments and `@skip`/`@include`, so the query computes only those.
 */
export function wantedAggregates(scope: OperationScope, typeName: string, selectionSets: readonly SelectionSetNode[]): WantedAggregates {
  const type = scope.schema.getType(typeName) as GraphQLObjectType
  const wanted: WantedAggregates = { count: false, fields: { sum: [], avg: [], min: [], max: [] } }
  for (const field of selectedFields(scope, type, selectionSets)) {
    if (field.name === 'count') wanted.count = true
    const fn = field.name as AggregateFn
    if (!AGGREGATE_FNS.includes(fn) || !field.selectionSet) continue
    const inner = scope.schema.getType(typeNameOf(field.def.type)) as GraphQLObjectType
    for (const sub of selectedFields(scope, inner, [field.selectionSet])) {
      if (sub.name !== '__typename' && !wanted.fields[fn].includes(sub.name)) wanted.fields[fn].push(sub.name)
    }
  }
  return wanted
}

function typeNameOf(type: unknown): string {
  let t = type as { ofType?: unknown; name?: string }
  while (t.ofType) t = t.ofType as typeof t
  return t.name!
}

/**
 * The RushDB `select` computing the wanted aggregates over the records of a query: `$count: '*'`
 * (always: it is the key groups are ordered by when nothing else is) and `$sum/$avg/$min/$max` of
 * `$record.<property>`.
 */
export function aggregateSelect(mapping: TypeMapping, wanted: WantedAggregates, alias = '$record'): Record<string, unknown> {
  const select: Record<string, unknown> = { count: { $count: '*' } }
  for (const fn of AGGREGATE_FNS) {
    const allowed = aggregatableFields(mapping, fn)
    for (const field of wanted.fields[fn]) {
      if (!allowed.includes(field)) throw new GraphQLError(`${fn} does not apply to ${mapping.name}.${field}`, { extensions: { code: 'BAD_USER_INPUT' } })
      select[aggregateKey(fn, field)] = { [`$${fn}`]: `${alias}.${propertyOf(field, mapping.fields[field])}` }
    }
  }
  return select
}

/** Reads the aggregate keys of one RushDB row back into the GraphQL shape (missing row: count 0, nulls). */
export function readAggregateValues(row: Record<string, unknown> | undefined, wanted: WantedAggregates): AggregateValues {
  const values: AggregateValues = { count: toCount(row?.count), sum: {}, avg: {}, min: {}, max: {} }
  for (const fn of AGGREGATE_FNS) {
    for (const field of wanted.fields[fn]) {
      const v = row?.[aggregateKey(fn, field)]
      // Over no records a sum is 0 and the others have no value, whatever the backend returns.
      values[fn][field] = values.count === 0 ? (fn === 'sum' ? 0 : null) : (v ?? null)
    }
  }
  return values
}

function toCount(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0
}

/**
 * The SearchQuery for `<types>Aggregate(where)`: RushDB's self-group form (`groupBy` naming an
 * aggregating select key collapses every matching record into one row), ordered by that key so
 * RushDB aggregates before paging (its late-ordering rule) instead of over the first 100 records.
 */
export function compileAggregateQuery(scope: CompileScope, mapping: TypeMapping, where: Record<string, unknown>, wanted: WantedAggregates) {
  const select = aggregateSelect(mapping, wanted)
  return {
    labels: [mapping.label],
    ...(Object.keys(where).length > 0 ? { where } : {}),
    select,
    groupBy: ['count'],
    orderBy: { count: 'asc' as const },
    limit: 1,
    ...(scope.profile.skipTotal ? { skipTotal: true } : {})
  }
}
