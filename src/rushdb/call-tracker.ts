import { AsyncLocalStorage } from 'node:async_hooks'
import type { SdkHttpClient } from './sdk-transport.js'

/** One call the SDK made to RushDB on behalf of a GraphQL request. */
export interface RushdbCall {
  method: string
  path: string
  body: unknown
}

/** The RushDB calls of one GraphQL request. */
export interface CallLog {
  calls: RushdbCall[]
  /** The request id the gateway answers with; sent on as `x-request-id` so RushDB's logs join the gateway's. */
  requestId?: string
}

const current = new AsyncLocalStorage<CallLog>()

/** Runs `fn` with a fresh call log that every SDK call made inside it is appended to. */
export function withCallLog<T>(log: CallLog, fn: () => T): T {
  return current.run(log, fn)
}

/**
 * Wraps the SDK's transport so every call is recorded in the active request's log and carries the
 * request's id as `x-request-id`.
 */
export function trackCalls(inner: SdkHttpClient): SdkHttpClient {
  return {
    makeRequest(url, config) {
      const log = current.getStore()
      if (!log) return inner.makeRequest(url, config)
      const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/api\/v1/, '')
      log.calls.push({ method: config.method, path, body: config.requestData })
      if (!log.requestId) return inner.makeRequest(url, config)
      return inner.makeRequest(url, { ...config, headers: { ...config.headers, 'x-request-id': log.requestId } })
    }
  }
}
