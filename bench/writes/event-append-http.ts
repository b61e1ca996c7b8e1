import { importFile } from '../../src/cli/import-file.js'
import { loadConfig } from '../../src/config.js'
import { createRng } from '../../src/demo/prng.js'
import { createEngine } from '../../src/engine/engine.js'
import { serveEngineHttp } from '../../src/engine/http/serve-http.js'
import { createGateway } from '../../src/gateway.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import { schema } from '../../src/schema/index.js'
import { catalogFromSchema } from '../../src/writes/write-catalog.js'
import { removeDb } from './bulk-import.js'
import { eventBatches, postAppend, timed, type EventRun } from './event-append.js'
import type { TransportTimer } from './timed-transport.js'

const TOKEN = 'bench-writes-token'

/**
 * Event append as against a RushDB server: the engine served over loopback HTTP (same process),
 * the gateway configured with RUSHDB_URL, so every RushDB call is an HTTP round trip. `batches`
 * batches of 1,000 new events through GraphQL after 2 warm-up batches.
 */
export async function eventHttpBench(dbPath: string, customersFile: string, batches: number, timer: TransportTimer): Promise<EventRun> {
  removeDb(dbPath)
  const engine = createEngine({ path: dbPath, token: TOKEN })
  const server = await serveEngineHttp(engine, { port: 0, host: '127.0.0.1' })
  const config = loadConfig({ RUSHDB_URL: server.url, RUSHDB_API_KEY: TOKEN, DEMO_CUSTOMERS: '0', LOG_LEVEL: 'silent' })
  const backend = createBackend(config.backend, { wrapTransport: timer.wrap })
  const gateway = createGateway(config, backend)
  try {
    await backend.sdk.waitForInitialization()
    await importFile(backend.sdk, catalogFromSchema(schema), { file: customersFile, spec: { label: 'CUSTOMER' }, batchSize: 500, maxRecords: 50_000 })
    const ids = (await backend.sdk.records.find({ labels: ['CUSTOMER'], limit: 1000 })).data.map((r) => r.data.customerId as string)
    const rng = createRng(98)
    for (const warm of eventBatches(rng, ids, 'warm', 2, 1000)) await postAppend(gateway, warm)
    const work = eventBatches(rng, ids, 'http', batches, 1000)
    return await timed(batches * 1000, timer, async () => {
      for (const batch of work) {
        const r = await postAppend(gateway, batch)
        if (r.appended !== 1000) throw new Error(`expected 1000 appended, got ${r.appended}`)
      }
    })
  } finally {
    await backend.close()
    await server.close()
    engine.close()
    removeDb(dbPath)
  }
}
