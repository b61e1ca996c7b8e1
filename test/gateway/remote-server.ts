import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { serveEngineHttp, type EngineHttpServer } from '../../src/engine/http/serve-http.js'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

/** The API key the test RushDB (the engine over HTTP) requires. */
export const REMOTE_KEY = 'remote-test-key'

/** The engine served over HTTP with an API key, as a stand-in for a RushDB server. */
export interface TestRemote {
  engine: Engine
  server: EngineHttpServer
  close(): Promise<void>
}

/** Starts an in-memory engine requiring REMOTE_KEY, over HTTP on `port` (0: any free port). */
export async function serveTestRemote(port = 0): Promise<TestRemote> {
  const engine = createEngine({ path: ':memory:', token: REMOTE_KEY })
  const server = await serveEngineHttp(engine, { port, host: '127.0.0.1' })
  return {
    engine,
    server,
    async close() {
      await server.close()
      engine.close()
    }
  }
}

/** A gateway on a RushDB server at `url` with the remote configuration (RUSHDB_URL + RUSHDB_API_KEY). */
export function remoteGateway(url: string, env: Record<string, string> = {}, options: Parameters<typeof createTestGateway>[1] = {}): TestGateway {
  return createTestGateway({ RUSHDB_URL: url, RUSHDB_API_KEY: REMOTE_KEY, ...env }, options)
}

/** Makes the in-process SDK present `key`, so an embedded gateway can share a key-protected engine. */
export function presentingKey(key: string) {
  return (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest: (url, config) => inner.makeRequest(url, { ...config, headers: { ...config.headers, token: key } })
  })
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** A plain HTTP server answering every request with `handler`; for servers that misbehave. */
export async function serveRaw(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
