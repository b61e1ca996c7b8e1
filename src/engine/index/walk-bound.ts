import { datetimeToEpoch, isIsoDatetime } from '../storage/datetime.js'
import { LOGICAL_KEYS, isPlainObject, logicalOperands } from '../query/where-keys.js'
import { compareSortValues } from './order-rids.js'

/**
 * Where a walk over one property's sort values may start: every match of the `where` has a stored
 * value (raw, as the index orders it) at or past `value` in the walk's direction (`asc`: ≥,
 * `desc`: ≤), or has no value at all (`absent`), or nothing is known (undefined).
 */
export type WalkBound = { value: string | number } | 'absent' | undefined

type Direction = 'asc' | 'desc'

/** The stored types a walk can bound: the property's single type. */
export type BoundType = 'string' | 'number' | 'datetime'

const DAY_MS = 86_400_000

/**
 * The bound a `where` puts on property `name` (stored as `type`) in the walk's direction, read from
 * equality, `$in` and range conditions under `$and`/`$or`, converted to the raw stored values the
 * index orders. Conservative: anything it does not understand (negations, datetime objects,
 * booleans, values of another type) gives no bound. Conditions match ANY element of a
 * multi-valued property, so the caller must not use a bound where arrays are involved.
 */
export function walkBound(where: unknown, name: string, dir: Direction, type: BoundType): WalkBound {
  if (!isPlainObject(where)) return undefined
  const parts: WalkBound[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === name) parts.push(fieldBound(value, dir, type))
    else if (key === '$and') parts.push(...logicalOperands(value).map((o) => walkBound(o, name, dir, type)))
    else if (key === '$or') parts.push(anyOf(logicalOperands(value).map((o) => walkBound(o, name, dir, type)), dir))
    else if (LOGICAL_KEYS.has(key)) parts.push(undefined)
  }
  return allOf(parts, dir)
}

/** The bound of one field's condition: a value (equality) or an operator object. */
function fieldBound(value: unknown, dir: Direction, type: BoundType): WalkBound {
  const equal = equalityBound(value, type)
  if (equal) return equal
  if (!isPlainObject(value)) return undefined
  const parts: WalkBound[] = []
  for (const [op, arg] of Object.entries(value)) {
    if (op === (dir === 'asc' ? '$gt' : '$lt') || op === (dir === 'asc' ? '$gte' : '$lte')) parts.push(rangeBound(arg, dir, type))
    else if (op === '$in' && Array.isArray(arg) && arg.length > 0) {
      const each = arg.map((v) => equalityBound(v, type))
      parts.push(each.every((b) => b !== undefined) ? anyOf(each, dir) : undefined)
    } else if (op === '$exists' && arg === false) parts.push('absent')
    else if (op === '$or') parts.push(anyOf(logicalOperands(arg).map((o) => fieldBound(o, dir, type)), dir))
    else if (op === '$and') parts.push(allOf(logicalOperands(arg).map((o) => fieldBound(o, dir, type)), dir))
  }
  return allOf(parts, dir)
}

/** Equality compares raw stored values (strings also match datetimes' text). */
function equalityBound(value: unknown, type: BoundType): WalkBound {
  if (typeof value === 'string' && type !== 'number') return { value }
  if (typeof value === 'number' && Number.isFinite(value) && type === 'number') return { value }
  return undefined
}

/**
 * `$gt/$gte` (or `$lt/$lte` descending) as a raw bound. Strings compare raw, numbers as numbers;
 * an ISO datetime compares instants, while the index orders datetimes by their text, whose
 * local date is within a day of the UTC date: the bound is that date a day earlier (ascending)
 * or two days later (descending), which every matching value's text is past.
 */
function rangeBound(arg: unknown, dir: Direction, type: BoundType): WalkBound {
  if (typeof arg === 'number') return type === 'number' && Number.isFinite(arg) ? { value: arg } : undefined
  if (typeof arg !== 'string') return undefined
  if (!isIsoDatetime(arg)) return type === 'string' ? { value: arg } : undefined
  if (type !== 'datetime') return undefined
  const shifted = new Date(datetimeToEpoch(arg)! + (dir === 'asc' ? -DAY_MS : 2 * DAY_MS))
  const year = shifted.getUTCFullYear()
  return year >= 0 && year <= 9999 ? { value: shifted.toISOString().slice(0, 10) } : undefined
}

/** AND: the tightest bound; `absent` wins (no valued match), undefined parts add nothing. */
function allOf(parts: WalkBound[], dir: Direction): WalkBound {
  if (parts.includes('absent')) return 'absent'
  let best: { value: string | number } | undefined
  for (const part of parts) {
    if (part === undefined || part === 'absent') continue
    if (best && typeof best.value !== typeof part.value) return undefined
    if (!best || beyond(part.value, best.value, dir)) best = part
  }
  return best
}

/**
 * OR: the loosest bound, known only when every branch has one. Ascending, valueless matches sort
 * after every value, so an `absent` branch leaves the bound of the others; descending they sort
 * first, so it leaves none.
 */
function anyOf(parts: WalkBound[], dir: Direction): WalkBound {
  if (parts.length === 0 || parts.includes(undefined)) return undefined
  const valued = parts.filter((p): p is { value: string | number } => p !== 'absent' && p !== undefined)
  if (valued.length < parts.length && dir === 'desc') return undefined
  if (valued.length === 0) return 'absent'
  let loosest = valued[0]
  for (const part of valued) {
    if (typeof part.value !== typeof loosest.value) return undefined
    if (beyond(loosest.value, part.value, dir)) loosest = part
  }
  return loosest
}

/** True when `a` comes after `b` in the walk's direction. */
function beyond(a: string | number, b: string | number, dir: Direction): boolean {
  const c = compareSortValues(a, b)
  return dir === 'asc' ? c > 0 : c < 0
}
