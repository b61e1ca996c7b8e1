import type { OrderKey } from './compile-order.js'

/** Cypher's cross-type order for values of different kinds: string < boolean < number. */
function rank(v: unknown): number {
  if (typeof v === 'string') return 0
  if (typeof v === 'boolean') return 1
  if (typeof v === 'number') return 2
  return 3
}

/** Ascending comparison of two non-null values (strings by code point, arrays by first element). */
export function compareValues(a: unknown, b: unknown): number {
  const x = Array.isArray(a) ? a[0] : a
  const y = Array.isArray(b) ? b[0] : b
  const rx = rank(x)
  const ry = rank(y)
  if (rx !== ry) return rx - ry
  if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : 0
  if (typeof x === 'number' && typeof y === 'number') return x - y
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y)
  return 0
}

/** A comparator over objects for order keys: nulls last ascending, first descending; `__id` breaks ties. */
export function objectComparator(keys: OrderKey[], idOf: (o: Record<string, unknown>) => unknown = (o) => o.__id) {
  const last = keys[keys.length - 1]?.dir ?? 'desc'
  const all = keys.some((k) => k.key === '__id') ? keys : [...keys, { key: '__id', dir: last }]
  return (a: Record<string, unknown>, b: Record<string, unknown>): number => {
    for (const { key, dir } of all) {
      const x = key === '__id' ? idOf(a) : a[key]
      const y = key === '__id' ? idOf(b) : b[key]
      const xn = x === null || x === undefined || (Array.isArray(x) && x.length === 0)
      const yn = y === null || y === undefined || (Array.isArray(y) && y.length === 0)
      if (xn && yn) continue
      if (xn || yn) return xn ? (dir === 'asc' ? 1 : -1) : dir === 'asc' ? -1 : 1
      const c = compareValues(x, y)
      if (c !== 0) return dir === 'asc' ? c : -c
    }
    return 0
  }
}
