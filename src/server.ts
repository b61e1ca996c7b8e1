import { createServer } from 'node:http'
import { loadConfig } from './config.js'
import { ensureDemoData } from './demo/ensure-demo-data.js'
import { createGateway } from './gateway.js'
import { createGracefulShutdown, type GracefulShutdown } from './graceful-shutdown.js'
import { createLogger } from './observability/logger.js'
import { startTracing } from './observability/start-tracing.js'
import { traceTransport } from './observability/trace-transport.js'
import { createBackend } from './rushdb/create-backend.js'
import { warnOpenAccess } from './security/warn-open-access.js'

const config = loadConfig()
const logger = createLogger(config.production.logLevel)
const tracing = config.production.tracing ? await startTracing(logger) : undefined
const backend = createBackend(config.backend, config.production.tracing ? { wrapTransport: (inner) => traceTransport(inner) } : {})

if (config.backend.kind === 'embedded' && config.demo.customers > 0) {
  const started = Date.now()
  const loaded = await ensureDemoData(backend.sdk, { customers: config.demo.customers, seed: config.demo.seed })
  if (loaded) logger.info('loaded the demo customer graph', { customers: config.demo.customers, ms: Date.now() - started })
}

let lifecycle: GracefulShutdown | undefined
// While shutting down, /ready answers 503 so load balancers stop sending new requests.
const served = { ...backend, readiness: async () => (lifecycle?.draining ? { ready: false, reason: 'shutting down' } : backend.readiness()) }
const gateway = createGateway(config, served, { logger, processMetrics: true })
const server = createServer((req, res) => {
  lifecycle?.track(res)
  void gateway(req, res)
})
lifecycle = createGracefulShutdown({ server, gateway, backend, logger, flush: tracing?.shutdown, drainDelayMs: config.production.shutdownDelayMs })

server.listen(config.port, config.host, () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.port
  if (config.production.apiKeys.length === 0) warnOpenAccess(logger, config.production.nodeEnv)
  logger.info('customer graph gateway listening', {
    url: `http://localhost:${port}/graphql`,
    backend: config.backend.kind === 'embedded' ? `embedded engine at ${config.backend.path}` : `RushDB at ${config.backend.url}`,
    apiKeys: config.production.apiKeys.length,
    port
  })
})

function stop(signal: string) {
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
process.once('SIGTERM', () => stop('SIGTERM'))
process.once('SIGINT', () => stop('SIGINT'))
