import { GraphQLError } from 'graphql'
import type { GatewayContext } from '../context.js'
import { translateBackendError } from '../rushdb/translate-error.js'

function fail(message: string, code: string, status: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } })
}

/**
 * One call to a RushDB endpoint outside SDK 1.8.0 (exactly one RushDB call), returning the
 * envelope's `data`. Storage's refusals keep their message: 400/422 → BAD_USER_INPUT, 404 →
 * NOT_FOUND (or BACKEND_UNSUPPORTED when the server has no such endpoint), 409 → CONFLICT,
 * 502 → EMBEDDING_PROVIDER_FAILED; the rest as every other storage failure.
 */
export async function callRest<T = any>(ctx: GatewayContext, method: string, path: string, body?: unknown): Promise<T> {
  let answer
  try {
    answer = await ctx.backend.rest(method, path, body)
  } catch (error) {
    throw translateBackendError(error)
  }
  const { status } = answer
  if (status >= 200 && status < 300) return answer.body?.data as T
  const message = typeof answer.body?.message === 'string' ? answer.body.message : Array.isArray(answer.body?.message) ? answer.body.message.join('; ') : `HTTP ${status}`
  if (status === 404 && /^Cannot [A-Z]+ /.test(message)) {
    throw fail(`The RushDB server has no ${method} ${path} endpoint (it needs RushDB 2.x): ${message}`, 'BACKEND_UNSUPPORTED', 501)
  }
  if (status === 400 || status === 422) throw fail(message, 'BAD_USER_INPUT', 400)
  if (status === 404) throw fail(message, 'NOT_FOUND', 404)
  if (status === 409) throw fail(message, 'CONFLICT', 409)
  if (status === 502) throw fail(message, 'EMBEDDING_PROVIDER_FAILED', 502)
  throw translateBackendError(new Error(String(status)))
}
