/**
 * The gateway process the load runs against: `node --import tsx bench/suite/serve-gateway.ts`,
 * with ENGINE_PATH set and BENCH_GATEWAY=ours|naive. It serves the real gateway (every production
 * plugin on: limits, metrics, error masking, logs at LOG_LEVEL) on 127.0.0.1 and an ephemeral
 * port, which it prints as one JSON line on stdout. The rate limit is off so the load measures the
 * gateway, not the limiter. `naive` swaps in the field-by-field schema (bench/naive/naive-schema.ts)
 * and turns relation folding off.
 */
import { createServer } from 'node:http'
import { loadConfig } from '../../src/config.js'
import { createGateway } from '../../src/gateway.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import { schema } from '../../src/schema/index.js'
import { createNaiveSchema } from '../naive/naive-schema.js'

const mode = process.env.BENCH_GATEWAY ?? 'ours'
if (mode !== 'ours' && mode !== 'naive') throw new Error(`BENCH_GATEWAY must be "ours" or "naive", got "${mode}"`)
const config = loadConfig({
  ...process.env,
  DEMO_CUSTOMERS: '0',
  RATE_LIMIT_PER_MINUTE: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
  ...(mode === 'naive' ? { FOLD_RELATIONS: 'false' } : {})
})
const backend = createBackend(config.backend)
await backend.sdk.waitForInitialization()
const gateway = createGateway(config, backend, {}, mode === 'naive' ? createNaiveSchema() : schema)
const server = createServer((req, res) => void gateway(req, res))
server.keepAliveTimeout = 60_000
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  console.log(JSON.stringify({ mode, pid: process.pid, port: typeof address === 'object' && address ? address.port : 0 }))
})
process.once('SIGTERM', () => {
  server.close()
  server.closeAllConnections()
  void backend.close().then(() => process.exit(0))
})
