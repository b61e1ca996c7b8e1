import type { RushDB } from '@rushdb/javascript-sdk'
import { translateBackendError } from './translate-error.js'

/** Whether storage answers, and why not when it does not. */
export interface Readiness {
  ready: boolean
  reason?: string
}

/** A label no record carries: a search on it is the cheapest call that needs the API key. */
const PROBE_LABEL = '__GATEWAY_READINESS_PROBE__'

/** How long a "ready" answer is reused, so frequent probes stay cheap; "not ready" is never reused. */
const READY_TTL_MS = 2000

/**
 * The readiness check of a backend: the settings call (RushDB answers at all), then, when the
 * API key matters, a search on an unused label (the key is accepted; settings needs none).
 * A backend that comes up later is seen at the next probe: failures are not cached.
 */
export function readinessCheck(sdk: RushDB, options: { checkKey: boolean; skipTotal: boolean }): () => Promise<Readiness> {
  let readyAt: number | undefined
  return async () => {
    if (readyAt !== undefined && Date.now() - readyAt < READY_TTL_MS) return { ready: true }
    readyAt = undefined
    try {
      await sdk.settings.get()
      if (options.checkKey) await sdk.records.find({ labels: [PROBE_LABEL], limit: 1, ...(options.skipTotal ? { skipTotal: true } : {}) } as never)
    } catch (error) {
      return { ready: false, reason: translateBackendError(error).message }
    }
    readyAt = Date.now()
    return { ready: true }
  }
}
