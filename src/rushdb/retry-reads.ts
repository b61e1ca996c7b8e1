import { BackendFailure } from './backend-failure.js'
import type { SdkHttpClient, SdkRequestConfig, SdkHttpResponse } from './sdk-transport.js'

/** How reads are retried. `sleep` and `random` are injectable so tests need no clock. */
export interface RetryOptions {
  /** Extra attempts after the first (0 = none). */
  retries: number
  /** First backoff; doubled per attempt, capped by `maxDelayMs`, with full jitter. */
  baseDelayMs?: number
  maxDelayMs?: number
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** Statuses worth retrying: the server or a proxy in front of it is briefly unable to answer. */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504])

const READ_PATHS = [/^\/sdk\/settings$/, /^\/settings$/, /^\/records\/search$/, /^\/records\/[^/]+\/search$/, /^\/labels\/search$/, /^\/properties\/search$/, /^\/relationships\/search$/]

function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/^\/api\/v1/, '').split('?')[0]
}

/**
 * True for a call that only reads and is not part of a transaction: settings, searches, and GETs.
 * Writes are never retried (a timeout does not say whether the write happened), and nothing inside
 * a transaction is (a retry could run after the transaction ended).
 */
export function isRetryableRead(url: string, config: SdkRequestConfig): boolean {
  const headers = Object.keys(config.headers ?? {}).map((h) => h.toLowerCase())
  if (headers.includes('x-transaction-id')) return false
  if (config.method === 'GET') return true
  return config.method === 'POST' && READ_PATHS.some((p) => p.test(pathOf(url)))
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Wraps a transport so reads that failed transiently (timeout, refused connection, garbage body,
 * 408/429/5xx) are tried again, up to `retries` more times, after exponential backoff with full
 * jitter. The last failure is what the caller sees.
 */
export function retryReads(inner: SdkHttpClient, options: RetryOptions): SdkHttpClient {
  const base = options.baseDelayMs ?? 100
  const max = options.maxDelayMs ?? 2000
  const sleep = options.sleep ?? defaultSleep
  const random = options.random ?? Math.random
  return {
    async makeRequest(url, config): Promise<SdkHttpResponse> {
      const attempts = isRetryableRead(url, config) ? options.retries + 1 : 1
      for (let attempt = 1; ; attempt++) {
        let response: SdkHttpResponse | undefined
        try {
          response = await inner.makeRequest(url, config)
        } catch (error) {
          if (!(error instanceof BackendFailure) || attempt >= attempts) throw error
        }
        if (response && (!TRANSIENT_STATUS.has(response.getStatusCode()) || attempt >= attempts)) return response
        await sleep(Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1))))
      }
    }
  }
}
