import type { Plugin } from 'graphql-yoga'
import { requestStateOf } from '../observability/request-state.js'
import { gatewayError } from '../security/gateway-error.js'
import { clientAddress, type RateLimitGate } from '../security/rate-limit-gate.js'

/**
 * Per-key rate limit on GraphQL requests (after authentication, so the key is known; per client
 * address in open mode): a refused request is a 429 with `Retry-After` and code RATE_LIMITED,
 * and never reaches RushDB.
 */
export function useRateLimit(gate: RateLimitGate): Plugin {
  return {
    async onParams({ request, context }) {
      const refusal = await gate.take(requestStateOf(request).identity, clientAddress(context))
      if (!refusal) return
      throw gatewayError(refusal.message, 'RATE_LIMITED', 429, { 'Retry-After': String(refusal.retryAfterSeconds) })
    }
  }
}
