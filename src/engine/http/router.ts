import { badRequest } from '../errors.js'
import { isRecordId } from '../ids.js'
import type { Route } from './route-types.js'

/** A route chosen for a request, with its decoded path parameters. */
export interface RouteMatch {
  route: Route
  params: Record<string, string>
}

/** Splits `/a/b?x=1` into path segments and the query string. */
export function splitPath(path: string): { segments: string[]; query: URLSearchParams } {
  const q = path.indexOf('?')
  const pathname = q === -1 ? path : path.slice(0, q)
  const query = new URLSearchParams(q === -1 ? '' : path.slice(q + 1))
  const segments = pathname.split('/').filter((s) => s !== '')
  return { segments, query }
}

/**
 * Finds the route for `method` + `segments`, or undefined (404). The first row whose pattern and
 * `when` predicate both accept the request wins, so the table's order matters.
 */
export function matchRoute(routes: readonly Route[], method: string, segments: string[], body: unknown): RouteMatch | undefined {
  for (const route of routes) {
    if (route.method !== method) continue
    const params = matchPattern(route.pattern, segments)
    if (!params) continue
    if (route.when && !route.when(body)) continue
    return { route, params }
  }
  return undefined
}

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter((s) => s !== '')
  if (parts.length !== segments.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].startsWith(':')) params[parts[i].slice(1)] = decodeSegment(segments[i])
    else if (parts[i] !== segments[i]) return undefined
  }
  return params
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest(`Malformed URL segment "${segment}"`)
  }
}

/** 400 when an `:id` parameter is not a UUID (checked after auth, as Nest runs pipes after guards). */
export function checkIdParams(params: Record<string, string>): void {
  if ('id' in params && !isRecordId(params.id)) {
    throw badRequest(`Invalid id "${params.id}": expected a UUID`)
  }
}
