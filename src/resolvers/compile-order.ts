import { GraphQLError } from 'graphql'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { propertyOf } from '../schema/storage-mapping.js'

/** One sort key: the RushDB property (or `__id`) and its direction. */
export interface SortKey {
  property: string
  field: string
  direction: 'asc' | 'desc'
}

/** An `orderBy` list as GraphQL coerced it: each element names exactly one field. */
export type OrderByInput = Array<Record<string, 'ASC' | 'DESC' | null | undefined>>

/**
 * Compiles `orderBy: [{ plan: ASC }, { createdAt: DESC }]` into sort keys, always ending with the
 * record id so the order is total (stable pages for offset and keyset paging alike). Without an
 * `orderBy`, the order is the id ascending: creation order, since ids are UUIDv7.
 */
export function compileOrder(mapping: TypeMapping, orderBy: OrderByInput | null | undefined): SortKey[] {
  const keys: SortKey[] = []
  for (const [index, element] of (orderBy ?? []).entries()) {
    const entries = Object.entries(element).filter(([, v]) => v !== null && v !== undefined)
    if (entries.length !== 1) {
      throw new GraphQLError(`orderBy[${index}] must name exactly one field, e.g. { ${Object.keys(mapping.fields)[0]}: ASC }`, {
        extensions: { code: 'BAD_USER_INPUT' }
      })
    }
    const [field, dir] = entries[0]
    const property = field === 'id' ? '__id' : propertyOf(field, mapping.fields[field])
    if (keys.some((k) => k.property === property)) continue
    keys.push({ property, field, direction: dir === 'DESC' ? 'desc' : 'asc' })
  }
  if (!keys.some((k) => k.property === '__id')) keys.push({ property: '__id', field: 'id', direction: 'asc' })
  return keys
}

/** A RushDB `orderBy`: `'asc'`/`'desc'` (by id) or a map whose insertion order is the sort order. */
export type RushdbOrder = 'asc' | 'desc' | Record<string, 'asc' | 'desc'>

/**
 * The RushDB `orderBy` for sort keys. Ordering by the id alone uses the string form, which every
 * RushDB version maps to the record id (v1.8 does not map `__id` inside the object form).
 */
export function toRushdbOrder(keys: SortKey[]): RushdbOrder {
  if (keys.length === 1 && keys[0].property === '__id') return keys[0].direction
  return Object.fromEntries(keys.map((k) => [k.property, k.direction]))
}
