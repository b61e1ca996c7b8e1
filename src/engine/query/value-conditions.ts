import { badRequest } from '../errors.js'
import { datetimeObjectToEpoch, datetimeToEpoch, isIsoDatetime } from '../storage/datetime.js'
import { frag, inList, type Frag } from './sql-fragment.js'
import { isDatetimeObject } from './where-keys.js'

/*
 * Conditions on one `vals` row (columns type, pos, v, ts). Every condition carries its type guard
 * because booleans are stored as 1/0 and must never match numbers.
 */

const STRINGISH = `type IN ('string', 'datetime')`

/** Row condition for `= value` (a primitive); `null` matches stored nulls. */
export function equalsCondition(value: unknown, path: string): Frag {
  if (value === null) return frag('v IS NULL AND pos >= 0')
  if (typeof value === 'string') return frag(`${STRINGISH} AND v = ?`, value)
  if (typeof value === 'number') return frag(`type = 'number' AND v = ?`, value)
  if (typeof value === 'boolean') return frag(`type = 'boolean' AND v = ?`, value)
  if (isDatetimeObject(value)) return frag(`type = 'datetime' AND ts = ?`, epochOfObject(value, path))
  throw badRequest(`${path}: expected a string, number, boolean, null or datetime object, got ${describe(value)}`)
}

/** Row condition for `$ne`: some non-null element that is not equal (type-aware). */
export function notEqualsCondition(value: unknown, path: string): Frag {
  if (value === null) return frag('v IS NOT NULL')
  if (isDatetimeObject(value)) return frag(`type = 'datetime' AND ts <> ?`, epochOfObject(value, path))
  const eq = equalsCondition(value, path)
  return { sql: `v IS NOT NULL AND NOT (${eq.sql})`, params: eq.params }
}

/** Row condition for `$gt/$gte/$lt/$lte`: numeric, chronological, or (extension) lexicographic. */
export function rangeCondition(op: string, value: unknown, path: string): Frag {
  const cmp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]!
  if (typeof value === 'number') return frag(`type = 'number' AND v ${cmp} ?`, value)
  if (isIsoDatetime(value)) return frag(`type = 'datetime' AND ts ${cmp} ?`, datetimeToEpoch(value))
  if (isDatetimeObject(value)) return frag(`type = 'datetime' AND ts ${cmp} ?`, epochOfObject(value, path))
  if (typeof value === 'string') return frag(`type = 'string' AND v ${cmp} ?`, value)
  throw badRequest(`${path}: ${op} needs a number, a string, an ISO datetime or a datetime object, got ${describe(value)}`)
}

/** Row condition for `$in` (some element in the set); the list must be non-empty and one type. */
export function inCondition(op: string, value: unknown, path: string): Frag {
  if (!Array.isArray(value) || value.length === 0) throw badRequest(`${path}: ${op} needs a non-empty array`)
  if (value.every(isDatetimeObject)) {
    const epochs = value.map((d, i) => epochOfObject(d as Record<string, unknown>, `${path}[${i}]`))
    const p = inList(epochs)
    return { sql: `type = 'datetime' AND ts IN (${p.sql})`, params: p.params }
  }
  const kind = typeof value[0]
  if (!['string', 'number', 'boolean'].includes(kind) || value.some((v) => typeof v !== kind)) {
    throw badRequest(`${path}: ${op} values must all be strings, all numbers, all booleans or all datetime objects`)
  }
  // Booleans are stored as 1/0: JSON's true/false come out of json_each as 1/0 too.
  const p = inList(value)
  const guard = kind === 'string' ? STRINGISH : `type = '${kind}'`
  return { sql: `${guard} AND v IN (${p.sql})`, params: p.params }
}

/** Row condition for `$contains`: case-insensitive literal substring (LIKE wildcards escaped). */
export function containsCondition(value: unknown, path: string): Frag {
  const text = requireString(value, '$contains', path)
  return frag(`${STRINGISH} AND v LIKE ? ESCAPE '\\'`, `%${escapeLike(text)}%`)
}

/** Row condition for `$startsWith` (case-sensitive; an index range plus an exact prefix check). */
export function startsWithCondition(value: unknown, path: string): Frag {
  const text = requireString(value, '$startsWith', path)
  if (text === '') return frag(STRINGISH)
  return frag(`${STRINGISH} AND v >= ? AND v < ? AND substr(v, 1, ?) = ?`, text, `${text}\u{10FFFF}`, [...text].length, text)
}

/** Row condition for `$endsWith` (case-sensitive). */
export function endsWithCondition(value: unknown, path: string): Frag {
  const text = requireString(value, '$endsWith', path)
  if (text === '') return frag(STRINGISH)
  return frag(`${STRINGISH} AND substr(v, -?) = ?`, [...text].length, text)
}

/** Escapes `%`, `_` and the escape character itself for `LIKE … ESCAPE '\'`. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Epoch millis of a datetime object, validating its components are numbers. */
export function epochOfObject(value: Record<string, unknown>, path: string): number {
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw badRequest(`${path}.${k}: datetime components must be numbers`)
  }
  return datetimeObjectToEpoch(value)
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${JSON.stringify(value)}`
}

function requireString(value: unknown, op: string, path: string): string {
  if (typeof value !== 'string') throw badRequest(`${path}: ${op} needs a string, got ${describe(value)}`)
  return value
}
