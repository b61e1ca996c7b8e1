import { isIsoDatetime } from '../storage/datetime.js'
import { LOGICAL_KEYS, isPlainObject, logicalOperands } from '../query/where-keys.js'
import { compareSortValues } from './order-rids.js'

/**
 * Where a walk over one property's sort values may start: every match of the `where` has a value
 * at or past `value` in the walk's direction (`asc`: ≥, `desc`: ≤), or has no value at all
 * (`absent`), or nothing is known (undefined).
 */
export type WalkBound = { value: string | number } | 'absent' | undefined

type Direction = 'asc' | 'desc'

/**
 * The bound a `where` puts on property `name` in the walk's direction, read from equality,
 * `$in` and range conditions under `$and`/`$or`. Conservative: anything it does not understand
 * (negations, datetimes, booleans, mixed types) gives no bound. Conditions match ANY element of
 * a multi-valued property, so the caller must not use a bound where arrays are involved.
 */
export function walkBound(where: unknown, name: string, dir: Direction): WalkBound {
  if (!isPlainObject(where)) return undefined
  const parts: WalkBound[] = []
  for (const [key, value] of Object.entries(where)) {
    if (key === name) parts.push(fieldBound(value, dir))
    else if (key === '$and') parts.push(...logicalOperands(value).map((o) => walkBound(o, name, dir)))
    else if (key === '$or') parts.push(anyOf(logicalOperands(value).map((o) => walkBound(o, name, dir)), dir))
    else if (LOGICAL_KEYS.has(key)) parts.push(undefined)
  }
  return allOf(parts, dir)
}

/** The bound of one field's condition: a value (equality) or an operator object. */
function fieldBound(value: unknown, dir: Direction): WalkBound {
  if (usable(value)) return { value }
  if (!isPlainObject(value)) return undefined
  const parts: WalkBound[] = []
  for (const [op, arg] of Object.entries(value)) {
    if ((op === (dir === 'asc' ? '$gt' : '$lt') || op === (dir === 'asc' ? '$gte' : '$lte')) && usable(arg)) parts.push({ value: arg })
    else if (op === '$in' && Array.isArray(arg) && arg.length > 0 && arg.every(usable)) parts.push(anyOf(arg.map((v) => ({ value: v })), dir))
    else if (op === '$exists' && arg === false) parts.push('absent')
    else if (op === '$or') parts.push(anyOf(logicalOperands(arg).map((o) => fieldBound(o, dir)), dir))
    else if (op === '$and') parts.push(allOf(logicalOperands(arg).map((o) => fieldBound(o, dir)), dir))
  }
  return allOf(parts, dir)
}

/** Strings (not ISO datetimes, which compare chronologically) and finite numbers compare as they sort. */
function usable(value: unknown): value is string | number {
  return (typeof value === 'string' && !isIsoDatetime(value)) || (typeof value === 'number' && Number.isFinite(value))
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
