import type { SdkHttpClient } from './sdk-transport.js'

/** An answer of a RushDB endpoint the SDK 1.8.0 has no method for: status and parsed body. */
export interface RestAnswer {
  status: number
  body: any
}

/** Calls a RushDB endpoint by path (`/ai/search`) through the same transport as the SDK; `headers` add to the defaults (`x-transaction-id`). */
export type RestCall = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<RestAnswer>

/**
 * A REST caller over the SDK's (call-tracked) transport, for RushDB 2.x endpoints SDK 1.8.0
 * cannot reach (`/ai/*`, `/relationships/patterns`, `/relationships/create-many`). Unlike the SDK it keeps error bodies, so
 * the storage's message ("No embedding index on …") can reach the client.
 */
export function createRestCall(transport: SdkHttpClient, baseUrl: string, apiKey: string): RestCall {
  // As SDK 1.8.0 does: only the URL's origin counts, the API lives under /api/v1.
  const root = `${new URL(baseUrl).origin}/api/v1`
  return async (method, path, body, headers) => {
    const response = await transport.makeRequest(`${root}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', token: apiKey, ...headers },
      requestData: body
    })
    const parsed = await response.toJSON().catch(() => undefined)
    return { status: response.getStatusCode(), body: parsed }
  }
}
