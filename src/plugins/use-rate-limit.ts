import type { Plugin } from 'graphql-yoga'
import { requestStateOf } from '../observability/request-state.js'
import { gatewayError } from '../security/gateway-error.js'
import type { RateLimitStore } from '../security/token-bucket.js'

/**
 * Per-key rate limit on GraphQL requests (after authentication, so the key is known; per client
 * address in open mode): a refused request is a 429 with `Retry-After` and code RATE_LIMITED,
 * and never reaches RushDB.
 */
export function useRateLimit(store: RateLimitStore, perMinute: number, now: () => number = Date.now): Plugin {
  return {
    async onParams({ request, context }) {
      const identity = requestStateOf(request).identity
      // Open mode has no key names: count per client address instead of one shared bucket.
      const address = (context as { req?: { socket?: { remoteAddress?: string } } }).req?.socket?.remoteAddress
      const key = identity && !identity.open ? identity.name : `anonymous@${address ?? 'local'}`
      const decision = await store.take(key, now())
      if (decision.allowed) return
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
      throw gatewayError(
        `Rate limit exceeded for ${identity && !identity.open ? `key "${key}"` : `client ${key.slice('anonymous@'.length)}`} (${perMinute} requests per minute); retry after ${seconds} s, or batch work into fewer operations (limit: RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST)`,
        'RATE_LIMITED',
        429,
        { 'Retry-After': String(seconds) }
      )
    }
  }
}
