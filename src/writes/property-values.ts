import { DateTimeResolver, EmailAddressResolver } from 'graphql-scalars'
import type { ScalarKind } from '../schema/storage-mapping.js'

/** A value RushDB stores as one property: a primitive or a list of one kind of primitive. */
export type FlatValue = string | number | boolean | null | string[] | number[] | boolean[]

/** A record's own properties as written. */
export type Props = Record<string, FlatValue>

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const INT_MIN = -2_147_483_648
const INT_MAX = 2_147_483_647

/** Why a property name cannot be written, or undefined. RushDB reserves `$…` and `__…` names. */
export function propertyNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'a property name must not be empty'
  if (name.length > 100) return `property name "${name.slice(0, 20)}…" is longer than 100 characters`
  if (name.startsWith('$') || name.startsWith('__')) return `property name "${name}" is reserved (names starting with $ or __ belong to RushDB)`
  return undefined
}

/** A short rendering of a value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value instanceof Date) return value.toISOString()
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

function kindOf(value: unknown): 'string' | 'number' | 'boolean' | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return typeof value as 'string' | 'boolean'
  if (typeof value === 'number' && Number.isFinite(value)) return 'number'
  return undefined
}

/**
 * Checks a property the typed schema does not declare: null, a boolean, a finite number, a string,
 * or a list of one of those kinds. Returns the problem, or undefined when the value is fine.
 */
export function flatValueProblem(value: unknown): string | undefined {
  if (value === null || kindOf(value) !== undefined) return undefined
  if (Array.isArray(value)) {
    const first = kindOf(value[0])
    for (let i = 0; i < value.length; i++) {
      const kind = kindOf(value[i])
      if (kind === undefined) return `element ${i} must be a string, a finite number or a boolean, got ${describe(value[i])}`
      if (kind !== first) return `a list must hold one kind of value, but mixes ${first} and ${kind}`
    }
    return undefined
  }
  if (typeof value === 'number') return `must be a finite number, got ${describe(value)}`
  return `must be null, a boolean, a finite number, a string or a list of one of those, got ${describe(value)}`
}

/**
 * The stored text of an instant: UTC, `Z`, milliseconds only when there are some
 * (`2026-06-01T00:00:00Z`), the form RushDB infers as `datetime` and the demo data uses.
 */
export function canonicalDateTime(date: Date): string {
  const iso = date.toISOString()
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso
}

const CANONICAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{3})?Z$/
const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** `value` itself when it is already canonical UTC text of a valid instant (the common case: no Date round trip). */
function canonicalAsIs(value: string): string | undefined {
  const m = CANONICAL.exec(value)
  if (!m || m[7] === '.000') return undefined
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(Number)
  if (month < 1 || month > 12 || day < 1 || day > MONTH_DAYS[month - 1] || hour > 23 || minute > 59 || second > 59) return undefined
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return undefined
  return value
}

/** Parses an RFC 3339 date-time or a date (midnight UTC); undefined when it is neither. */
export function parseDateTime(value: unknown): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value
  if (typeof value !== 'string') return undefined
  try {
    return DateTimeResolver.parseValue(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value) as Date
  } catch {
    return undefined
  }
}

function isEmail(value: string): boolean {
  try {
    EmailAddressResolver.parseValue(value)
    return true
  } catch {
    return false
  }
}

/** A typed field's value, converted to what is stored, or the problem with it. */
export type TypedValue = { ok: true; value: FlatValue } | { ok: false; problem: string }

const fail = (problem: string): TypedValue => ({ ok: false, problem })

/**
 * Validates a declared field's value against its kind (null always allowed: it clears the value)
 * and converts it to its stored form: datetimes become canonical UTC text.
 */
export function typedValue(kind: ScalarKind, value: unknown): TypedValue {
  if (value === null) return { ok: true, value: null }
  switch (kind) {
    case 'ID':
    case 'String':
      return typeof value === 'string' ? { ok: true, value } : fail(`must be a string, got ${describe(value)}`)
    case 'Email':
      return typeof value === 'string' && isEmail(value) ? { ok: true, value } : fail(`must be an e-mail address, got ${describe(value)}`)
    case 'StringList':
      return Array.isArray(value) && value.every((v) => typeof v === 'string') ? { ok: true, value: value as string[] } : fail(`must be a list of strings, got ${describe(value)}`)
    case 'Int':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT_MIN && value <= INT_MAX
        ? { ok: true, value }
        : fail(`must be a 32-bit integer, got ${describe(value)}`)
    case 'Float':
    case 'Money':
      return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : fail(`must be a finite number, got ${describe(value)}`)
    case 'Boolean':
      return typeof value === 'boolean' ? { ok: true, value } : fail(`must be true or false, got ${describe(value)}`)
    case 'DateTime': {
      const asIs = typeof value === 'string' ? canonicalAsIs(value) : undefined
      if (asIs) return { ok: true, value: asIs }
      const date = parseDateTime(value)
      return date ? { ok: true, value: canonicalDateTime(date) } : fail(`must be an ISO 8601 date-time (e.g. 2026-06-01T12:00:00Z) or a date, got ${describe(value)}`)
    }
  }
}

/** True when two stored values are equal (lists element by element). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i])
  return a === b
}
