import cluster from 'node:cluster'
import { IpcChannel } from './cluster/ipc-channel.js'
import { runPrimary } from './cluster/run-primary.js'
import { loadConfig } from './config.js'
import { createLogger, withFields } from './observability/logger.js'
import { serveGateway } from './serve-gateway.js'

// `npm start`: one process serving the gateway, or with WORKERS > 1 a primary and its workers.
const config = loadConfig()
const logger = createLogger(config.production.logLevel)

if (config.workers > 1 && cluster.isPrimary) {
  await runPrimary(config, logger)
} else if (cluster.isWorker) {
  const id = cluster.worker!.id
  const channel = new IpcChannel({ send: (message) => process.send!(message), on: (event, listener) => process.on(event, listener) })
  await serveGateway(config, withFields(logger, { worker: id }), { id, channel })
} else {
  await serveGateway(config, logger)
}
