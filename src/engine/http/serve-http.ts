import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { EngineError } from '../errors.js'
import type { Engine, EngineResponse } from './engine-types.js'
import { errorResponse } from './envelope.js'
import { parseJsonBody, readBodyText } from './read-json-body.js'

/** A running HTTP front of an engine. */
export interface EngineHttpServer {
  /** Base URL of the API, ending in `/api/v1` (the SDK only reads protocol, host and port). */
  url: string
  /** Stops accepting connections and resolves when in-flight requests have been answered. */
  close(): Promise<void>
}

const PREFIX = '/api/v1'

function send(res: ServerResponse, response: EngineResponse): void {
  const text = JSON.stringify(response.body ?? {})
  res.writeHead(response.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...response.headers
  })
  res.end(text)
}

async function answer(engine: Engine, req: IncomingMessage): Promise<EngineResponse> {
  const url = req.url ?? '/'
  const rest = url.startsWith(PREFIX) ? url.slice(PREFIX.length) : undefined
  if (rest === undefined || !(rest === '' || rest.startsWith('/') || rest.startsWith('?'))) {
    return errorResponse(404, `Cannot ${req.method} ${url.split('?')[0]}`)
  }
  try {
    const body = parseJsonBody(await readBodyText(req))
    return await engine.handle({ method: req.method ?? 'GET', path: rest || '/', headers: req.headers as Record<string, string>, body })
  } catch (error) {
    if (error instanceof EngineError) return errorResponse(error.status, error.message)
    throw error
  }
}

/** Serves `engine` over node:http under `/api/v1` (JSON only; bodies up to 64 MB). */
export function serveEngineHttp(engine: Engine, options: { port: number; host?: string }): Promise<EngineHttpServer> {
  let closing = false
  const server = createServer((req, res) => {
    answer(engine, req)
      .then((response) => send(res, response))
      .catch(() => send(res, { status: 500, body: {} }))
      .finally(() => {
        if (closing) server.closeIdleConnections()
      })
  })
  const host = options.host ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      const { port } = server.address() as AddressInfo
      const shownHost = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${shownHost}:${port}${PREFIX}`,
        close: () =>
          new Promise<void>((done, fail) => {
            closing = true
            server.close((error) => (error ? fail(error) : done()))
            server.closeIdleConnections()
          })
      })
    })
  })
}
