import { EngineError, forbidden } from '../errors.js'
import { isAuthorized } from './auth.js'
import type { EngineRequest, EngineResponse } from './engine-types.js'
import { errorResponse, internalErrorResponse, successResponse } from './envelope.js'
import type { RequestExecutor } from './request-executor.js'
import type { Route } from './route-types.js'
import { checkIdParams, matchRoute, splitPath } from './router.js'

/** What the request handler needs from the engine. */
export interface HandlerDeps {
  routes: readonly Route[]
  executor: RequestExecutor
  token: string | undefined
  logError: (error: unknown, request: EngineRequest) => void
}

/** Header names lower-cased, as node:http delivers them (the SDK sends `Content-Type`, `token`). */
export function normalizeHeaders(headers: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
  }
  return out
}

/**
 * The engine's `handle`: route, auth (Nest order: no route → 404, then the guard → 403, then
 * pipes → 400), run, wrap in the envelope. Never throws.
 */
export function createRequestHandler(deps: HandlerDeps): (request: EngineRequest) => Promise<EngineResponse> {
  return async (request) => {
    try {
      const method = request.method.toUpperCase()
      const headers = normalizeHeaders(request.headers)
      const { segments, query } = splitPath(request.path)
      const match = matchRoute(deps.routes, method, segments, request.body)
      if (!match) return errorResponse(404, `Cannot ${method} /api/v1${request.path.split('?')[0]}`)
      if (match.route.access !== 'public' && !isAuthorized(headers, deps.token)) throw forbidden()
      checkIdParams(match.params)
      const txId = headers['x-transaction-id'] || undefined
      const reply = await deps.executor.run(match.route, { params: match.params, query, body: request.body, txId })
      return successResponse(match.route.status, reply)
    } catch (error) {
      if (error instanceof EngineError) return errorResponse(error.status, error.message)
      deps.logError(error, request)
      return internalErrorResponse()
    }
  }
}
