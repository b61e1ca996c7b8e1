import { createServer } from 'node:http'
import { loadConfig } from './config.js'
import { ensureDemoData } from './demo/ensure-demo-data.js'
import { createGateway } from './gateway.js'
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

// While shutting down, /ready answers 503 so load balancers stop sending new requests.
let draining = false
const served = { ...backend, readiness: async () => (draining ? { ready: false, reason: 'shutting down' } : backend.readiness()) }
const gateway = createGateway(config, served, { logger, processMetrics: true })
// Responses still being computed when shutdown starts close their connection when sent.
const pending = new Set<import('node:http').ServerResponse>()
const server = createServer((req, res) => {
  pending.add(res)
  res.once('close', () => pending.delete(res))
  if (draining) res.setHeader('connection', 'close')
  void gateway(req, res)
})
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

function shutdown(signal: string) {
  if (draining) return
  draining = true
  logger.info('shutting down: finishing in-flight requests', { signal })
  const force = setTimeout(() => {
    logger.error('in-flight requests did not finish within 10 s; exiting')
    process.exit(1)
  }, 10_000)
  force.unref()
  // Stop accepting connections; idle keep-alive sockets are closed now, busy ones after their response.
  server.close(() => {
    void (async () => {
      await gateway.dispose()
      await backend.close()
      await tracing?.shutdown()
      logger.info('stopped cleanly: storage closed')
      process.exit(0)
    })()
  })
  for (const res of pending) if (!res.headersSent) res.setHeader('connection', 'close')
  server.closeIdleConnections()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
