import { frag, joinFrags, sql, type Frag } from './sql-fragment.js'

/** One ORDER BY key as written in the query. */
export interface OrderKey {
  key: string
  dir: 'asc' | 'desc'
}

/** `orderBy` as a key list: absent or `{}` = `__id desc`, `'asc'|'desc'` = by `__id`, a map in insertion order. */
export function normalizeOrder(orderBy: unknown): OrderKey[] {
  if (orderBy === 'asc' || orderBy === 'desc') return [{ key: '__id', dir: orderBy }]
  if (orderBy && typeof orderBy === 'object') {
    const keys = Object.entries(orderBy as Record<string, 'asc' | 'desc'>).map(([key, dir]) => ({ key, dir }))
    if (keys.length > 0) return keys
  }
  return [{ key: '__id', dir: 'desc' }]
}

/**
 * ORDER BY over `records r`: `__id` is the record id (as rid: ids are minted monotonically at insert, so
 * rid order is id order and the label index can serve it), `__label` the label, any other key the
 * property's first stored value (raw, so datetimes sort as strings, like RushDB). Missing values
 * sort last ascending and first descending. The id is always the final tie-breaker, in the last
 * key's direction, so pages are deterministic and keyset cursors work.
 */
export function compileOrder(keys: OrderKey[]): Frag {
  const parts: Frag[] = keys.map(({ key, dir }) => {
    const d = dir === 'asc' ? 'ASC' : 'DESC'
    if (key === '__id') return frag(`r.rid ${d}`)
    const expr = key === '__label' ? frag('r.label') : propertySortValue('r', key)
    return sql(expr, ` ${d} NULLS ${dir === 'asc' ? 'LAST' : 'FIRST'}`)
  })
  if (!keys.some((k) => k.key === '__id')) parts.push(frag(`r.rid ${keys[keys.length - 1].dir === 'asc' ? 'ASC' : 'DESC'}`))
  return joinFrags(parts, ', ')
}

/** The value a record sorts by for a property: its first stored element, NULL when missing. */
export function propertySortValue(rec: string, name: string): Frag {
  return frag(`(SELECT v FROM vals WHERE rid = ${rec}.rid AND name = ? AND pos >= 0 ORDER BY pos LIMIT 1)`, name)
}
