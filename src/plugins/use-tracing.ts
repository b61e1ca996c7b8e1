import { context, SpanKind, SpanStatusCode, trace, type Tracer } from '@opentelemetry/api'
import { getOperationAST, type ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { GatewayContext } from '../context.js'

/** The tracer the gateway's spans come from (a no-op until an OpenTelemetry SDK is registered). */
export function gatewayTracer(): Tracer {
  return trace.getTracer('customer-graph-gateway')
}

/**
 * One OpenTelemetry span per GraphQL execution (`graphql.execute <operation>`), active while it
 * runs so RushDB call spans (see observability/trace-transport.ts) nest under it, ending with the
 * operation's RushDB call count and error codes. Spans go wherever the registered SDK exports them.
 */
export function useTracing(tracer: Tracer = gatewayTracer()): Plugin<GatewayContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName)
      const name = operation?.name?.value ?? 'anonymous'
      setExecuteFn((execArgs) => {
        const span = tracer.startSpan(`graphql.execute ${name}`, {
          kind: SpanKind.INTERNAL,
          attributes: { 'graphql.operation.name': name, 'graphql.operation.type': operation?.operation ?? 'unknown' }
        })
        const done = (result: ExecutionResult) => {
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN'))
          const calls = (args.contextValue as GatewayContext).callLog?.calls.length ?? 0
          span.setAttribute('rushdb.calls', calls)
          if (codes.length > 0) {
            span.setAttribute('graphql.error.codes', codes)
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') })
          }
          span.end()
          return result
        }
        return context.with(trace.setSpan(context.active(), span), async () => {
          try {
            return done((await executeFn(execArgs)) as ExecutionResult)
          } catch (error) {
            span.recordException(error as Error)
            span.setStatus({ code: SpanStatusCode.ERROR })
            span.end()
            throw error
          }
        })
      })
    }
  }
}
