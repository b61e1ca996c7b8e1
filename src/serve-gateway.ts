import { createServer } from 'node:http'
import { answerMetricsParts, askClusterMetrics } from './cluster/cluster-metrics.js'
import type { IpcChannel } from './cluster/ipc-channel.js'
import { SharedRateLimitStore } from './cluster/shared-rate-limit-store.js'
import type { GatewayConfig } from './config.js'
import { createGateway } from './gateway.js'
import { createGracefulShutdown, type GracefulShutdown } from './graceful-shutdown.js'
import { GatewayMetrics } from './observability/gateway-metrics.js'
import type { Logger } from './observability/logger.js'
import { startTracing } from './observability/start-tracing.js'
import { traceTransport } from './observability/trace-transport.js'
import type { ProductionOptions } from './plugins/production-plugins.js'
import { prepareStorage } from './prepare-storage.js'
import { createBackend } from './rushdb/create-backend.js'
import { warnOpenAccess } from './security/warn-open-access.js'

/** The link to the primary process when this process is one of several workers sharing the port. */
export interface WorkerLink {
  id: number
  channel: IpcChannel
}

/**
 * Serves the gateway over HTTP in this process until SIGTERM/SIGINT, then shuts down gracefully.
 * Alone, it prepares storage itself; as a cluster worker the primary has done so, and rate limits
 * and `/metrics` are the cluster's, kept by the primary.
 */
export async function serveGateway(config: GatewayConfig, logger: Logger, worker?: WorkerLink): Promise<void> {
  const tracing = config.production.tracing ? await startTracing(logger) : undefined
  const backendOptions = config.production.tracing ? { wrapTransport: traceTransport } : {}
  const backend = worker ? createBackend(config.backend, backendOptions) : await prepareStorage(config, logger, backendOptions)

  let lifecycle: GracefulShutdown | undefined
  // While shutting down, /ready answers 503 so load balancers stop sending new requests.
  const served = { ...backend, readiness: async () => (lifecycle?.draining ? { ready: false, reason: 'shutting down' } : backend.readiness()) }
  const gateway = createGateway(config, served, { logger, ...clusterOptions(worker, logger) })
  const server = createServer((req, res) => {
    lifecycle?.track(res)
    void gateway(req, res)
  })
  lifecycle = createGracefulShutdown({ server, gateway, backend, logger, flush: tracing?.shutdown, drainDelayMs: config.production.shutdownDelayMs })

  server.listen(config.port, config.host, () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : config.port
    if (worker) return logger.info('worker listening', { port })
    if (config.production.apiKeys.length === 0) warnOpenAccess(logger, config.production.nodeEnv)
    logger.info('customer graph gateway listening', {
      url: `http://localhost:${port}/graphql`,
      backend: config.backend.kind === 'embedded' ? `embedded engine at ${config.backend.path}` : `RushDB at ${config.backend.url}`,
      apiKeys: config.production.apiKeys.length,
      port
    })
  })

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    setTimeout(() => {
      logger.error('in-flight requests did not finish within 10 s of draining; exiting')
      process.exit(1)
    }, 10_000 + config.production.shutdownDelayMs).unref()
    lifecycle!.shutdown(signal).then(
      () => process.exit(0),
      (error) => {
        logger.error('shutdown failed', { error })
        process.exit(1)
      }
    )
  }
  // `on`, not `once`: Ctrl-C reaches a worker both directly and forwarded by the primary, and a
  // second signal must not fall through to Node's default (an abrupt exit).
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

/** A worker's rate limits and metrics live in the primary; alone, the process keeps its own. */
function clusterOptions(worker: WorkerLink | undefined, logger: Logger): ProductionOptions {
  if (!worker) return { processMetrics: true }
  let reported = 0
  const metrics = new GatewayMetrics({ processMetrics: true, gather: () => askClusterMetrics(worker.channel) })
  answerMetricsParts(worker.channel, metrics.registry)
  const rateLimitStore = new SharedRateLimitStore(worker.channel, (error) => {
    // One line per minute at most: a stuck primary would otherwise log on every request.
    if (Date.now() - reported < 60_000) return
    reported = Date.now()
    logger.error('rate limit unavailable (the primary process did not answer); requests are let through', { error })
  })
  return { metrics, rateLimitStore }
}
