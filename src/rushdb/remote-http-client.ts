import { BackendFailure } from './backend-failure.js'
import type { SdkHttpClient, SdkHttpResponse } from './sdk-transport.js'

/** Options for talking to a RushDB server over HTTP. */
export interface RemoteClientOptions {
  apiKey: string
  /** Per attempt, for the whole exchange (connect, headers and body). */
  timeoutMs: number
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name
  return name === 'TimeoutError' || name === 'AbortError'
}

/** The request failure as a BackendFailure with a message that says what to check. */
function failureOf(error: unknown, url: string, timeoutMs: number): BackendFailure {
  const origin = new URL(url).origin
  if (isAbort(error)) return new BackendFailure('timeout', `RushDB at ${origin} did not answer within ${timeoutMs} ms (RUSHDB_TIMEOUT_MS)`, { cause: error })
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  const detail = cause?.code ?? cause?.message ?? (error as Error).message
  return new BackendFailure('unreachable', `RushDB at ${origin} cannot be reached (${detail}); check RUSHDB_URL and that the server is up`, { cause: error })
}

/**
 * The parsed body. A success must be RushDB's envelope (a JSON object with `data`), else it is a
 * BackendFailure; an error status stands on its own (the SDK reads only the status), whatever the body.
 */
function parseAnswer(text: string, status: number, url: string): unknown {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (status < 200 || status >= 300) return body ?? {}
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('data' in body)) {
    const origin = new URL(url).origin
    throw new BackendFailure('garbage', `${origin} answered HTTP ${status} with a body that is not a RushDB response; check that RUSHDB_URL points at a RushDB server`)
  }
  return body
}

/**
 * The SDK's transport seam for a remote RushDB. SDK 1.8.0 authenticates with a `token` header;
 * RushDB 2.x servers accept only `Authorization: Bearer`. Sending both works against either.
 * Every attempt is bounded by `timeoutMs`; failures below HTTP (timeout, refused connection,
 * garbage body) are thrown as BackendFailure, HTTP errors are left to the SDK (it throws the status).
 */
export function createRemoteHttpClient({ apiKey, timeoutMs }: RemoteClientOptions): SdkHttpClient {
  return {
    async makeRequest(url, config): Promise<SdkHttpResponse> {
      const headers: Record<string, string> = {}
      for (const [k, v] of Object.entries(config.headers ?? {})) headers[k.toLowerCase()] = String(v)
      headers.token = apiKey
      headers.authorization = `Bearer ${apiKey}`
      headers['content-type'] = 'application/json'
      let res: Response
      let text: string
      try {
        res = await fetch(url, {
          method: config.method,
          headers,
          body: config.requestData === undefined || config.method === 'GET' ? undefined : JSON.stringify(config.requestData),
          signal: AbortSignal.timeout(timeoutMs)
        })
        text = await res.text()
      } catch (error) {
        throw failureOf(error, url, timeoutMs)
      }
      const body = parseAnswer(text, res.status, url)
      return {
        getStatusCode: () => res.status,
        getHeaders: () => Object.fromEntries(res.headers.entries()),
        getRawResponse: () => res,
        toStream: () => {
          throw new Error('streaming is not supported')
        },
        toJSON: async () => body
      }
    }
  }
}
