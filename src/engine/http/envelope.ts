import type { EngineResponse } from './engine-types.js'

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable'
}

/** What a route handler returns: the envelope's `data`, and `total` when the route has one. */
export interface Reply {
  data: unknown
  total?: number
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' }

/** RushDB's success envelope `{success: true, data, total?}`. */
export function successResponse(status: number, reply: Reply): EngineResponse {
  const body: Record<string, unknown> = { success: true, data: reply.data }
  if (reply.total !== undefined) body.total = reply.total
  return { status, body, headers: JSON_HEADERS }
}

/** Nest's error body `{statusCode, message, error}` with the given status. */
export function errorResponse(status: number, message: string): EngineResponse {
  return {
    status,
    body: { statusCode: status, message, error: STATUS_TEXT[status] ?? 'Error' },
    headers: JSON_HEADERS
  }
}

/** The 500 answer: Nest's global filter hides the cause behind an empty object. */
export function internalErrorResponse(): EngineResponse {
  return { status: 500, body: {}, headers: JSON_HEADERS }
}
