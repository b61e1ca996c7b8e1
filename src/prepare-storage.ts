import type { GatewayConfig } from './config.js'
import { ensureDemoData } from './demo/ensure-demo-data.js'
import type { Logger } from './observability/logger.js'
import { createBackend, type Backend, type BackendOptions } from './rushdb/create-backend.js'

/**
 * Opens the configured backend and, on an embedded store without customers, loads the demo graph.
 * Opening the engine file also brings its schema up to date, so this runs once, before any other
 * process opens the same file.
 */
export async function prepareStorage(config: GatewayConfig, logger: Logger, options: BackendOptions = {}): Promise<Backend> {
  const backend = createBackend(config.backend, options)
  if (config.backend.kind === 'embedded' && config.demo.customers > 0) {
    const started = Date.now()
    const loaded = await ensureDemoData(backend.sdk, { customers: config.demo.customers, seed: config.demo.seed })
    if (loaded) logger.info('loaded the demo customer graph', { customers: config.demo.customers, ms: Date.now() - started })
  }
  return backend
}
