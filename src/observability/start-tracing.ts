import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node'
import type { Logger } from './logger.js'

/** A running tracer provider; `shutdown` flushes the spans still buffered. */
export interface Tracing {
  shutdown(): Promise<void>
}

/**
 * Registers an OpenTelemetry tracer provider that exports spans over OTLP/HTTP. The exporter reads
 * the standard variables (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, …);
 * OTEL_SERVICE_NAME names the service (default customer-graph-gateway).
 */
export async function startTracing(logger: Logger): Promise<Tracing> {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': process.env.OTEL_SERVICE_NAME || 'customer-graph-gateway' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())]
  })
  provider.register()
  logger.info('OpenTelemetry tracing on', { endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4318 (default)' })
  return { shutdown: () => provider.shutdown() }
}
