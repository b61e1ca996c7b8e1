import type { Plugin } from 'graphql-yoga'
import type { GatewayConfig } from '../config.js'
import type { GatewayContext } from '../context.js'
import { GatewayMetrics } from '../observability/gateway-metrics.js'
import { createLogger, type Logger } from '../observability/logger.js'
import { ApiKeyStore } from '../security/api-keys.js'
import { createErrorMasker } from '../security/mask-error.js'
import { createRateLimitGate, type RateLimitGate } from '../security/rate-limit-gate.js'
import { TokenBucketStore, type RateLimitStore } from '../security/token-bucket.js'
import { useApiKeys } from './use-api-keys.js'
import { useErrorCodeFallback } from './use-error-code-fallback.js'
import { useExecutionTimeout } from './use-execution-timeout.js'
import { useMetrics } from './use-metrics.js'
import { useOperationLimits } from './use-operation-limits.js'
import { usePersistedOperationStore } from './use-persisted-operations.js'
import { useRateLimit } from './use-rate-limit.js'
import { useRequestLog } from './use-request-log.js'
import { useRequestParseGuard } from './use-request-parse-guard.js'
import { useTracing } from './use-tracing.js'

/** What a deployment may swap in: the log sink, the rate-limit store (shared across replicas), the clock. */
export interface ProductionOptions {
  logger?: Logger
  rateLimitStore?: RateLimitStore
  now?: () => number
  /** Also export Node process metrics (CPU, memory, event loop) on /metrics; the server turns it on. */
  processMetrics?: boolean
  /** The metrics to record into and serve, when the caller builds them (a cluster worker sums its peers'). */
  metrics?: GatewayMetrics
}

/** The security, limit and observability layer of a gateway: yoga plugins in order, and the error masker. */
export interface ProductionSetup {
  plugins: Array<Plugin<GatewayContext>>
  maskError: (error: unknown, message: string) => Error
  logger: Logger
  metrics: GatewayMetrics
  keys: ApiKeyStore
  /** The rate limit /graphql applies, for routes outside GraphQL (exports) to apply too; undefined when off. */
  rateLimit: RateLimitGate | undefined
}

/**
 * Builds the production layer from the configuration. Order matters: error codes are completed
 * before the request is logged; keys are checked (401) before the rate limit counts the request
 * against them (429) and before persisted-operation lookup; scopes (403) before cost (400); the
 * timeout wraps execution itself.
 */
export function createProductionSetup(config: GatewayConfig, options: ProductionOptions = {}): ProductionSetup {
  const p = config.production
  const logger = options.logger ?? createLogger(p.logLevel)
  const metrics = options.metrics ?? new GatewayMetrics({ processMetrics: options.processMetrics })
  const keys = new ApiKeyStore(p.apiKeys)
  const plugins: Array<Plugin<GatewayContext>> = [
    useErrorCodeFallback() as Plugin<GatewayContext>,
    useRequestLog(logger) as Plugin<GatewayContext>,
    useRequestParseGuard() as Plugin<GatewayContext>
  ]
  if (p.metrics.enabled) plugins.push(useMetrics(metrics, keys, { public: p.metrics.public }) as Plugin<GatewayContext>)
  plugins.push(useApiKeys(keys))
  const rateLimit = p.rateLimit.perMinute > 0
    ? createRateLimitGate(options.rateLimitStore ?? new TokenBucketStore(p.rateLimit.perMinute, p.rateLimit.burst), p.rateLimit.perMinute, options.now)
    : undefined
  if (rateLimit) plugins.push(useRateLimit(rateLimit) as Plugin<GatewayContext>)
  if (p.persistedOperations.operations.size > 0) plugins.push(usePersistedOperationStore(p.persistedOperations.operations, p.persistedOperations.only) as Plugin<GatewayContext>)
  plugins.push(useOperationLimits(p.limits, { root: config.pageSize.default, nested: config.pageSize.max, max: config.pageSize.max }))
  plugins.push(useExecutionTimeout(p.limits.executionTimeoutMs) as Plugin<GatewayContext>)
  if (p.tracing) plugins.push(useTracing())
  return { plugins, maskError: createErrorMasker(logger), logger, metrics, keys, rateLimit }
}
