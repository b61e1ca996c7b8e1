import type { SdkHttpClient, SdkHttpResponse } from './sdk-transport.js'

/** Options for talking to a RushDB server over HTTP. */
export interface RemoteClientOptions {
  apiKey: string
  timeoutMs: number
}

/**
 * The SDK's transport seam for a remote RushDB. SDK 1.8.0 authenticates with a `token` header;
 * RushDB 2.x servers accept only `Authorization: Bearer`. Sending both works against either.
 */
export function createRemoteHttpClient({ apiKey, timeoutMs }: RemoteClientOptions): SdkHttpClient {
  return {
    async makeRequest(url, config): Promise<SdkHttpResponse> {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(config.headers ?? {})) headers[k] = String(v)
      headers.token = apiKey
      headers.authorization = `Bearer ${apiKey}`
      headers['content-type'] = 'application/json'
      const res = await fetch(url, {
        method: config.method,
        headers,
        body: config.requestData === undefined || config.method === 'GET' ? undefined : JSON.stringify(config.requestData),
        signal: AbortSignal.timeout(timeoutMs)
      })
      const text = await res.text()
      return {
        getStatusCode: () => res.status,
        getHeaders: () => Object.fromEntries(res.headers.entries()),
        getRawResponse: () => res,
        toStream: () => {
          throw new Error('streaming is not supported')
        },
        toJSON: async () => {
          try {
            return JSON.parse(text)
          } catch {
            throw new RemoteGarbageError(res.status, text.slice(0, 200))
          }
        }
      }
    }
  }
}

/** The remote answered something that is not JSON. */
export class RemoteGarbageError extends Error {
  constructor(
    readonly status: number,
    readonly preview: string
  ) {
    super(`RushDB answered ${status} with a body that is not JSON`)
    this.name = 'RemoteGarbageError'
  }
}
