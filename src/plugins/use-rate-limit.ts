import type { Plugin } from 'graphql-yoga'
import { requestStateOf } from '../observability/request-state.js'
import { gatewayError } from '../security/gateway-error.js'
import type { RateLimitStore } from '../security/token-bucket.js'

/**
 * Per-key rate limit on GraphQL requests (after authentication, so the key is known): a refused
 * request is a 429 with `Retry-After` and code RATE_LIMITED, and never reaches RushDB.
 */
export function useRateLimit(store: RateLimitStore, perMinute: number, now: () => number = Date.now): Plugin {
  return {
    async onParams({ request }) {
      const key = requestStateOf(request).identity?.name ?? 'anonymous'
      const decision = await store.take(key, now())
      if (decision.allowed) return
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
      throw gatewayError(
        `Rate limit exceeded for key "${key}" (${perMinute} requests per minute); retry after ${seconds} s, or batch work into fewer operations (limit: RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST)`,
        'RATE_LIMITED',
        429,
        { 'Retry-After': String(seconds) }
      )
    }
  }
}
