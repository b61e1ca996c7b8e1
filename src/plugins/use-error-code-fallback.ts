import { GraphQLError, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'

const BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE'
}

function codeFor(error: GraphQLError): string {
  // graphql-js's variable coercion errors ("Variable "$x" got invalid value …").
  if (/^Variable "\$/.test(error.message)) return 'BAD_USER_INPUT'
  const status = (error.extensions?.http as { status?: number } | undefined)?.status
  if (status) return BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST')
  return error.path ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST'
}

/** Extension keys that may carry internals (yoga puts the JSON parser's error under `originalError`). */
const INTERNAL_KEYS = ['originalError', 'stack', 'exception']

function needsWork(e: GraphQLError): boolean {
  return typeof e.extensions?.code !== 'string' || INTERNAL_KEYS.some((k) => e.extensions && k in e.extensions)
}

function finish(e: GraphQLError): GraphQLError {
  if (!needsWork(e)) return e
  const extensions: Record<string, unknown> = { ...(e.extensions ?? {}) }
  const http = extensions.http as { spec?: boolean; status?: number } | undefined
  // yoga answers a `spec` error with 200 under application/json unless `originalError` is there
  // (its mark of a body that is not JSON); without that mark, keep its status explicitly.
  if (http?.spec && 'originalError' in extensions) extensions.http = { ...http, spec: false }
  for (const k of INTERNAL_KEYS) delete extensions[k]
  if (typeof extensions.code !== 'string') extensions.code = codeFor(e)
  if (!(e instanceof GraphQLError)) return { ...(e as object), extensions } as unknown as GraphQLError
  return new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, path: e.path, extensions })
}

function withCodes(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some(needsWork)) return result
  return { ...result, errors: result.errors.map(finish) }
}

/**
 * Makes sure every error a client receives carries a stable `extensions.code`: errors raised by
 * yoga for the HTTP layer (bad JSON, wrong method, missing query) and by graphql-js for variables
 * get one derived from their HTTP status or kind; the gateway's own errors already have theirs.
 */
export function useErrorCodeFallback(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (Array.isArray(result)) setResult(result.map(withCodes))
      else if (result && typeof result === 'object' && !(Symbol.asyncIterator in result)) setResult(withCodes(result as ExecutionResult))
    }
  }
}
