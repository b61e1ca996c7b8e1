import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api'
import type { SdkHttpClient } from '../rushdb/sdk-transport.js'
import { gatewayTracer } from '../plugins/use-tracing.js'

/** Wraps the SDK transport so each RushDB call is a client span (`rushdb POST /records/search`). */
export function traceTransport(inner: SdkHttpClient, tracer: Tracer = gatewayTracer()): SdkHttpClient {
  return {
    async makeRequest(url, config) {
      const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/api\/v1/, '')
      const span = tracer.startSpan(`rushdb ${config.method} ${path.replace(/[0-9a-f-]{36}/g, ':id')}`, {
        kind: SpanKind.CLIENT,
        attributes: { 'http.request.method': config.method, 'url.path': path }
      })
      try {
        const response = await inner.makeRequest(url, config)
        span.setAttribute('http.response.status_code', response.getStatusCode())
        if (response.getStatusCode() >= 400) span.setStatus({ code: SpanStatusCode.ERROR })
        return response
      } catch (error) {
        span.recordException(error as Error)
        span.setStatus({ code: SpanStatusCode.ERROR })
        throw error
      } finally {
        span.end()
      }
    }
  }
}
