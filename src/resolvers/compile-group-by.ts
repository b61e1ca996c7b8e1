import { GraphQLError } from 'graphql'
import { readScalar } from '../schema/read-scalar.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { propertyOf } from '../schema/storage-mapping.js'
import { aggregatableFields, aggregateKey, aggregateSelect, readAggregateValues, type AggregateFn, type AggregateValues, type WantedAggregates } from './compile-aggregate.js'
import type { CompileScope } from './compile-selection.js'
import type { GatewaySearchQuery, Where } from './search-query.js'

/** Time bucket sizes on datetime group keys (RushDB `$timeBucket` units); buckets start in UTC, weeks on Monday. */
export type TimeBucketUnit = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR'

/** One group key as GraphQL coerced it. */
export interface GroupByKeyInput {
  field: string
  bucket?: TimeBucketUnit | null
}

/** What a group order key sorts by. */
export type GroupOrderKind = 'KEY' | 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX'

/** One group order key as GraphQL coerced it. */
export interface GroupOrderInput {
  by: GroupOrderKind
  field?: string | null
  direction?: 'ASC' | 'DESC' | null
}

/** Arguments of `<types>GroupBy`, validated except for where. */
export interface GroupByInput {
  where: Where
  by: GroupByKeyInput[]
  orderBy?: GroupOrderInput[] | null
  limit: number
  skip: number
}

/** One group: its key values (GraphQL field → value) and its aggregates. */
export interface GroupRow extends AggregateValues {
  key: Record<string, unknown>
}

/** Most groups one query returns: RushDB's largest page. */
export const MAX_GROUPS = 1000

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } })
}

/** The select key of a group key (`key_status`), also the key its rows carry back. */
export function groupKey(field: string): string {
  return `key_${field}`
}

function dimension(mapping: TypeMapping, key: GroupByKeyInput): unknown {
  const fieldMapping = mapping.fields[key.field]
  if (!fieldMapping) throw badInput(`by: ${mapping.name} has no field ${key.field}`)
  const ref = `$record.${propertyOf(key.field, fieldMapping)}`
  if (!key.bucket) return ref
  if (fieldMapping.kind !== 'DateTime') {
    const datetimes = Object.entries(mapping.fields).filter(([, m]) => m.kind === 'DateTime').map(([n]) => n)
    throw badInput(`by: bucket applies to DateTime fields only; ${mapping.name}.${key.field} is ${fieldMapping.kind} (DateTime fields: ${datetimes.join(', ') || 'none'})`)
  }
  return { $timeBucket: { field: ref, unit: key.bucket.toLowerCase() } }
}

function orderKey(mapping: TypeMapping, input: GroupOrderInput, by: GroupByKeyInput[], wanted: WantedAggregates, index: number): string {
  const where = `orderBy[${index}]`
  if (input.by === 'COUNT') return 'count'
  if (!input.field) throw badInput(`${where}: ${input.by} needs a field`)
  if (input.by === 'KEY') {
    if (!by.some((k) => k.field === input.field)) throw badInput(`${where}: ${input.field} is not one of the group keys (${by.map((k) => k.field).join(', ')})`)
    return groupKey(input.field)
  }
  const fn = input.by.toLowerCase() as AggregateFn
  if (!aggregatableFields(mapping, fn).includes(input.field)) {
    throw badInput(`${where}: ${input.by} does not apply to ${mapping.name}.${input.field} (it applies to ${aggregatableFields(mapping, fn).join(', ') || 'no field'})`)
  }
  // Ordering by an aggregate computes it even when the selection does not show it.
  if (!wanted.fields[fn].includes(input.field)) wanted.fields[fn].push(input.field)
  return aggregateKey(fn, input.field)
}

/**
 * Compiles `<types>GroupBy` into ONE SearchQuery: every group key is a select key (a field
 * reference, or a `$timeBucket` of a datetime) named in `groupBy`, next to the wanted aggregates.
 * `orderBy` always names select keys, so RushDB orders and pages the groups after aggregating;
 * RushDB does that only for a single order key, so the `remote` profile takes one.
 */
export function compileGroupByQuery(scope: CompileScope, mapping: TypeMapping, input: GroupByInput, wanted: WantedAggregates): GatewaySearchQuery {
  if (input.by.length === 0) throw badInput('by: name at least one field to group by')
  const seen = new Set<string>()
  for (const key of input.by) {
    if (seen.has(key.field)) throw badInput(`by: ${key.field} is named twice`)
    seen.add(key.field)
  }
  const dims = Object.fromEntries(input.by.map((key) => [groupKey(key.field), dimension(mapping, key)]))
  const orderKeys = (input.orderBy ?? []).map((o, i) => [orderKey(mapping, o, input.by, wanted, i), o.direction === 'DESC' ? 'desc' : 'asc'] as const)
  if (orderKeys.length > 1 && scope.profile.name === 'remote') {
    throw badInput('orderBy: a RushDB server orders groups by one key only; pass a single orderBy element')
  }
  const defaultOrder = scope.profile.name === 'remote' ? [Object.keys(dims)[0]] : Object.keys(dims)
  const orderBy: Record<string, 'asc' | 'desc'> =
    orderKeys.length > 0 ? Object.fromEntries(orderKeys) : Object.fromEntries(defaultOrder.map((k) => [k, 'asc' as const]))
  const query: GatewaySearchQuery = {
    labels: [mapping.label],
    select: { ...aggregateSelect(mapping, wanted), ...dims },
    groupBy: Object.keys(dims),
    orderBy,
    limit: input.limit
  }
  if (Object.keys(input.where).length > 0) query.where = input.where
  if (input.skip > 0) query.skip = input.skip
  if (scope.profile.skipTotal) query.skipTotal = true
  return query
}

/** Reads group rows back: key values typed like the fields (bucket starts as ISO-8601), aggregates as wanted. */
export function readGroupRows(mapping: TypeMapping, by: GroupByKeyInput[], wanted: WantedAggregates, rows: Array<Record<string, unknown>>): GroupRow[] {
  return rows.map((row) => {
    const key: Record<string, unknown> = {}
    for (const k of by) {
      const raw = row[groupKey(k.field)]
      key[k.field] = k.bucket ? (typeof raw === 'number' ? new Date(raw).toISOString() : null) : readScalar(raw, mapping.fields[k.field].kind)
    }
    return { key, ...readAggregateValues(row, wanted) }
  })
}
