import type { SDKConfig } from '@rushdb/javascript-sdk'
import type { Engine, EngineResponse } from './engine-types.js'

/** The SDK's transport interface (its `httpClient` option). */
export type HttpClientInterface = NonNullable<SDKConfig['httpClient']>

type ClientResponse = Awaited<ReturnType<HttpClientInterface['makeRequest']>>

const API_PREFIX = '/api/v1'

/** The engine path of an SDK url: protocol, host and the `/api/v1` prefix removed. */
export function enginePath(url: string): string {
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '')
  const path = withoutOrigin.startsWith(API_PREFIX) ? withoutOrigin.slice(API_PREFIX.length) : withoutOrigin
  return path === '' || path.startsWith('?') ? `/${path}` : path
}

/** A JSON round trip, as the wire would do it: `undefined` dropped, Dates to strings. */
function overTheWire(value: unknown): unknown {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : JSON.parse(text)
}

function toClientResponse(response: EngineResponse): ClientResponse {
  const headers = { 'content-type': 'application/json; charset=utf-8', ...response.headers }
  return {
    getStatusCode: () => response.status,
    getHeaders: () => headers,
    getRawResponse: () => response,
    toJSON: async () => overTheWire(response.body),
    toStream: (done: () => void) => {
      done()
      return new Blob([JSON.stringify(response.body)]).stream()
    }
  }
}

/**
 * An SDK transport that calls the engine directly, no socket:
 * `new RushDB(key, { httpClient: createInProcessClient(engine), url: 'http://embedded.local' })`.
 */
export function createInProcessClient(engine: Engine): HttpClientInterface {
  return {
    async makeRequest(url, config) {
      const response = await engine.handle({
        method: config.method,
        path: enginePath(url),
        headers: Object.fromEntries(Object.entries(config.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)])),
        body: overTheWire(config.requestData)
      })
      return toClientResponse(response)
    }
  }
}
