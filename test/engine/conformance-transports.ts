import RushDB from '@rushdb/javascript-sdk'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'
import { serveEngineHttp } from '../../src/engine/http/serve-http.js'

/** The two ways the SDK reaches the engine; every conformance case runs over both. */
export const TRANSPORTS = ['in-process', 'http'] as const

/** One of TRANSPORTS. */
export type TransportKind = (typeof TRANSPORTS)[number]

/** The API key the test engines require. */
export const TOKEN = 'conformance-token'

/** A raw answer: status and parsed JSON body. */
export interface RawResponse {
  status: number
  body: any
}

/** A fresh engine reached through one transport, with the real SDK and a raw request helper. */
export interface Harness {
  kind: TransportKind
  engine: Engine
  db: RushDB
  /** A request below the SDK, through the same transport (headers default to the right token). */
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>
  close(): Promise<void>
}

/** Starts an in-memory engine behind `kind` and an SDK instance talking to it. */
export async function openHarness(kind: TransportKind, options: { txDefaultTtlMs?: number; path?: string } = {}): Promise<Harness> {
  const engine = createEngine({ path: options.path ?? ':memory:', token: TOKEN, txDefaultTtlMs: options.txDefaultTtlMs })
  const auth = { token: TOKEN }
  if (kind === 'in-process') {
    const client = createInProcessClient(engine)
    const db = new RushDB(TOKEN, { httpClient: client, url: 'http://embedded.local' })
    await db.waitForInitialization()
    return {
      kind,
      engine,
      db,
      async raw(method, path, body, headers = auth) {
        const res = await client.makeRequest(`http://embedded.local/api/v1${path}`, { method, headers, requestData: body as any })
        return { status: res.getStatusCode(), body: await res.toJSON() }
      },
      async close() {
        engine.close()
      }
    }
  }
  const server = await serveEngineHttp(engine, { port: 0, host: '127.0.0.1' })
  const db = new RushDB(TOKEN, { url: server.url })
  await db.waitForInitialization()
  return {
    kind,
    engine,
    db,
    async raw(method, path, body, headers = auth) {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
      })
      return { status: res.status, body: await res.json() }
    },
    async close() {
      await server.close()
      engine.close()
    }
  }
}

/** Creates records through the SDK's createMany with the options the gateway always passes. */
export async function seed(h: Harness, label: string, data: object | object[], options: Record<string, unknown> = {}): Promise<any[]> {
  const res = await h.db.records.createMany({ label, data, options: { suggestTypes: true, returnResult: true, ...options } })
  return res.data.map((r) => r.data)
}
