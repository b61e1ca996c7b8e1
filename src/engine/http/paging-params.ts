import { badRequest } from '../errors.js'

/** Nest's ParseIntPipe: an optional integer query parameter, 400 when it is not one. */
export function intParam(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name)
  if (raw === null) return undefined
  if (!/^-?\d+$/.test(raw.trim())) {
    throw badRequest(`Validation failed (numeric string is expected): query parameter ${name}=${JSON.stringify(raw)}`)
  }
  return Number(raw)
}

/** RushDB's `pagination()`: skip defaults to 0 (negatives become 0), limit outside 1..1000 becomes 100. */
export function pagingFromQuery(query: URLSearchParams): { skip: number; limit: number } {
  const skip = intParam(query, 'skip') ?? 0
  const limit = intParam(query, 'limit') ?? 1000
  return { skip: Math.max(0, skip), limit: limit > 1000 || limit <= 0 ? 100 : limit }
}
