import { GraphQLError } from 'graphql'

/** Stable error codes of the write path. */
export type WriteErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND'

/** One problem with an input value, named by its path (e.g. `customers[2].tickets[0].status`). */
export interface InputProblem {
  path: string
  message: string
}

/** Most problems listed in one error; the rest are counted. */
const MAX_LISTED = 20

/**
 * A rejected write: `message` names the first bad value's path, `extensions.problems` lists up to
 * 20 of them, and nothing has been written.
 */
export function inputError(problems: readonly InputProblem[], code: WriteErrorCode = 'BAD_USER_INPUT'): GraphQLError {
  const [first] = problems
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''
  return new GraphQLError(`${first.path}: ${first.message}${more}`, {
    extensions: {
      code,
      inputPath: first.path,
      problems: problems.slice(0, MAX_LISTED),
      ...(problems.length > MAX_LISTED ? { unlistedProblems: problems.length - MAX_LISTED } : {})
    }
  })
}

/** A single bad value at `path`. */
export function badInput(path: string, message: string): GraphQLError {
  return inputError([{ path, message }])
}

/** The record a write names at `path` does not exist. */
export function notFound(path: string, message: string): GraphQLError {
  return inputError([{ path, message }], 'NOT_FOUND')
}

/** True when `error` is a rejection of the input (as opposed to storage failing). */
export function isInputError(error: unknown): error is GraphQLError {
  if (!(error instanceof GraphQLError)) return false
  const code = error.extensions?.code
  return code === 'BAD_USER_INPUT' || code === 'NOT_FOUND'
}

/** Renders a path from segments: `['customers', 2, 'tickets']` → `customers[2].tickets`. */
export function joinPath(base: string, segment: string | number): string {
  if (typeof segment === 'number') return `${base}[${segment}]`
  return base === '' ? segment : `${base}.${segment}`
}
