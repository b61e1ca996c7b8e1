import type { Identity } from './api-keys.js'
import type { RateLimitStore } from './token-bucket.js'

/** A refused request: how long to wait, and a message that says which limit and what to do. */
export interface RateLimitRefusal {
  retryAfterSeconds: number
  message: string
}

/** The client's address from the Node server context yoga hands plugins (undefined in-process). */
export function clientAddress(serverContext: unknown): string | undefined {
  return (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket?.remoteAddress
}

/** Takes one token per request for its key; shared by /graphql and the export route so neither bypasses the other. */
export interface RateLimitGate {
  take(identity: Identity | undefined, address: string | undefined): Promise<RateLimitRefusal | undefined>
}

/**
 * The per-key rate limit: a key's name when the request carried a key, else the client address
 * (open mode has no key names, and one shared bucket would let one client starve the rest).
 */
export function createRateLimitGate(store: RateLimitStore, perMinute: number, now: () => number = Date.now): RateLimitGate {
  return {
    async take(identity, address) {
      const key = identity && !identity.open ? identity.name : `anonymous@${address ?? 'local'}`
      const decision = await store.take(key, now())
      if (decision.allowed) return undefined
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
      const who = identity && !identity.open ? `key "${key}"` : `client ${key.slice('anonymous@'.length)}`
      return {
        retryAfterSeconds,
        message: `Rate limit exceeded for ${who} (${perMinute} requests per minute); retry after ${retryAfterSeconds} s, or batch work into fewer operations (limit: RATE_LIMIT_PER_MINUTE, RATE_LIMIT_BURST)`
      }
    }
  }
}
