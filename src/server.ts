import { createServer } from 'node:http'
import { loadConfig } from './config.js'
import { ensureDemoData } from './demo/ensure-demo-data.js'
import { createGateway } from './gateway.js'
import { createBackend } from './rushdb/create-backend.js'

const config = loadConfig()
const backend = createBackend(config.backend)

if (config.backend.kind === 'embedded' && config.demo.customers > 0) {
  const started = Date.now()
  const loaded = await ensureDemoData(backend.sdk, { customers: config.demo.customers, seed: config.demo.seed })
  if (loaded) console.log(`loaded the demo customer graph (${config.demo.customers} customers) in ${Date.now() - started} ms`)
}

const gateway = createGateway(config, backend)
const server = createServer(gateway)
server.listen(config.port, config.host, () => {
  const where = config.backend.kind === 'embedded' ? `embedded engine at ${config.backend.path}` : `RushDB at ${config.backend.url}`
  console.log(`customer graph gateway on http://localhost:${config.port}/graphql (${where})`)
})

function shutdown(signal: string) {
  console.log(`${signal}: finishing in-flight requests`)
  server.close(() => {
    void backend.close().then(() => process.exit(0))
  })
  setTimeout(() => process.exit(1), 10_000).unref()
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))
