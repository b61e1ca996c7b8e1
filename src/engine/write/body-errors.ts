import { badRequest, type EngineError } from '../errors.js'

/** RushDB's 400 for a body that fails validation: every problem, joined as Joi does. */
export function invalidBody(problems: readonly string[]): EngineError {
  return badRequest(`Request validation of body failed, because: ${problems.join(', ')}`)
}

/** Throws `invalidBody` when `problems` is not empty. */
export function assertNoProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw invalidBody(problems)
}

/** True for a non-null, non-array object (what Joi's `object()` accepts from JSON). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A short, safe rendering of a value for error messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined'
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 60 ? `${text.slice(0, 57)}...` : text
}

/**
 * Property names: 1–100 characters as RushDB's schema asks, and never `__proto__`, which a
 * plain JS object cannot hold as an own key (deviation: RushDB would store it).
 */
export function propertyNameProblem(name: string, path: string): string | undefined {
  if (name.length === 0) return `"${path}" has an empty property name`
  if (name.length > 100) return `"${path}" property name "${name.slice(0, 20)}..." is longer than 100 characters`
  if (name === '__proto__') return `"${path}" property name "__proto__" is not allowed`
  return undefined
}
