import { badRequest } from '../errors.js'
import type { SearchQuery } from '../query/search-query.js'
import { validateSearchQuery } from '../query/validate-search-query.js'

/** A JSON body that must be an object; absent (or `null`) means `{}`. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Request body must be a JSON object')
  return body as Record<string, unknown>
}

/** Copies the listed keys of `body` that are present. */
export function pick(body: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of keys) if (body[key] !== undefined) out[key] = body[key]
  return out
}

/**
 * The record filter of a body (`labels` + `where`) for routes that only select records (labels,
 * properties, relationships, delete): their paging/order keys mean something else or nothing.
 */
export function matchQueryFrom(body: unknown): SearchQuery {
  return validateSearchQuery(pick(objectBody(body), ['labels', 'where']))
}
