import type { Plugin } from 'graphql-yoga'
import type { GatewayMetrics } from '../observability/gateway-metrics.js'
import { requestStateOf } from '../observability/request-state.js'
import type { ApiKeyStore } from '../security/api-keys.js'

function problem(status: number, code: string, message: string): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json', ...(status === 401 ? { 'WWW-Authenticate': 'Bearer realm="customer-graph"' } : {}) }
  })
}

/**
 * Serves `/metrics` in Prometheus text format and records every GraphQL request. With API keys
 * configured, `/metrics` needs a key with the `admin` scope unless METRICS_PUBLIC=true.
 */
export function useMetrics(metrics: GatewayMetrics, keys: ApiKeyStore, options: { public: boolean; endpoint?: string }): Plugin {
  const endpoint = options.endpoint ?? '/metrics'
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== endpoint) return
      if (request.method !== 'GET') return endResponse(problem(405, 'METHOD_NOT_ALLOWED', `${endpoint} answers GET only`))
      if (!options.public && !keys.open) {
        const auth = keys.authenticate(request.headers)
        if (!auth.ok) return endResponse(problem(401, 'UNAUTHENTICATED', `${endpoint} needs an API key with the admin scope: send "Authorization: Bearer <key>"`))
        if (!auth.identity.scopes.has('admin')) {
          return endResponse(problem(403, 'FORBIDDEN', `${endpoint} needs the "admin" scope; the key "${auth.identity.name}" does not have it (or set METRICS_PUBLIC=true)`))
        }
      }
      endResponse(new Response(await metrics.text(), { status: 200, headers: { 'content-type': metrics.contentType } }))
    },
    onResponse({ request, response }) {
      const state = requestStateOf(request)
      if (state.rushdbCalls === undefined) return
      metrics.observe({
        operation: state.operationName,
        type: state.operationType,
        status: response.status,
        seconds: (performance.now() - state.startedAt) / 1000,
        rushdbCalls: state.rushdbCalls,
        errorCodes: state.errorCodes ?? []
      })
    }
  }
}
