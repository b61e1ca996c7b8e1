import { createEmbedder, embeddingConfigFrom } from './ai/embedding-config.js'
import { createEngine } from './engine.js'
import { serveEngineHttp } from './http/serve-http.js'

/**
 * `npm run engine`: serves the embedded engine over HTTP.
 * ENGINE_PATH (default ./data/engine.db), ENGINE_PORT (default 3000), ENGINE_HOST (default
 * 127.0.0.1), ENGINE_TOKEN (required: the API key clients must send), EMBEDDING_* (embedding provider).
 */
async function main(): Promise<void> {
  const token = process.env.ENGINE_TOKEN
  if (!token) {
    console.error('ENGINE_TOKEN is not set: export ENGINE_TOKEN=<api key clients must send> and retry.')
    process.exit(1)
  }
  const path = process.env.ENGINE_PATH || './data/engine.db'
  const port = Number(process.env.ENGINE_PORT || 3000)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`ENGINE_PORT must be a port number, got "${process.env.ENGINE_PORT}".`)
    process.exit(1)
  }
  const engine = createEngine({ path, token, embedder: createEmbedder(embeddingConfigFrom(process.env)) })
  const server = await serveEngineHttp(engine, { port, host: process.env.ENGINE_HOST || '127.0.0.1' })
  console.log(`RushDB-compatible engine on ${server.url} (database ${path})`)
  const shutdown = async () => {
    await server.close()
    engine.close()
    process.exit(0)
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
}

main().catch((error) => {
  console.error('The engine failed to start:', error)
  process.exit(1)
})
