import { getOperationAST, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { Logger } from '../observability/logger.js'
import { requestStateOf } from '../observability/request-state.js'

function plainResults(result: unknown): ExecutionResult[] {
  if (Array.isArray(result)) return result
  if (result && typeof result === 'object' && !(Symbol.asyncIterator in result)) return [result as ExecutionResult]
  return []
}

/**
 * One JSON log line per request: request id (the caller's `x-request-id` or a new one, echoed in
 * the response), key name, operation name and type, HTTP status, duration, RushDB calls and error
 * codes. Also gives every GraphQL response `extensions.rushdb.calls` (0 when the operation was
 * refused before execution), so clients can see that a refusal cost storage nothing.
 */
export function useRequestLog(logger: Logger): Plugin {
  return {
    onRequest({ request }) {
      requestStateOf(request)
    },
    onParams({ request, params }) {
      if (params.operationName) requestStateOf(request).operationName = params.operationName
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request
      if (!request) return
      const state = requestStateOf(request)
      const operation = getOperationAST(args.document, args.operationName)
      state.operationType = operation?.operation
      state.operationName = operation?.name?.value ?? args.operationName ?? undefined
    },
    onResultProcess({ request, result, setResult }) {
      const state = requestStateOf(request)
      const results = plainResults(result).map((r) => {
        const rushdb = (r.extensions as { rushdb?: { calls?: number } } | undefined)?.rushdb
        return rushdb ? r : { ...r, extensions: { ...(r.extensions ?? {}), rushdb: { calls: 0 } } }
      })
      if (results.length === 0) return
      setResult(Array.isArray(result) ? results : results[0])
      state.rushdbCalls = results.reduce((n, r) => n + ((r.extensions as { rushdb: { calls: number } }).rushdb.calls ?? 0), 0)
      state.errorCodes = results.flatMap((r) => (r.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))
    },
    onResponse({ request, response }) {
      const state = requestStateOf(request)
      response.headers.set('x-request-id', state.id)
      const path = new URL(request.url).pathname
      const fields = {
        requestId: state.id,
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round((performance.now() - state.startedAt) * 10) / 10,
        key: state.identity?.name,
        operationName: state.operationName,
        operationType: state.operationType,
        rushdbCalls: state.rushdbCalls,
        errorCodes: state.errorCodes?.length ? state.errorCodes : undefined
      }
      const graphql = state.rushdbCalls !== undefined
      if (!graphql) logger.debug('request', fields)
      else if (response.status >= 500) logger.error('request', fields)
      else if (state.errorCodes?.length) logger.warn('request', fields)
      else logger.info('request', fields)
    }
  }
}
