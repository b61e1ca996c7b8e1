import type { RateDecision, RateLimitStore } from '../security/token-bucket.js'
import type { IpcChannel } from './ipc-channel.js'

/** The IPC request a worker sends to take a token from the primary's buckets. */
export const RATE_LIMIT_REQUEST = 'rate-limit'

/** The body of a rate-limit request. */
export interface RateLimitAsk {
  key: string
  now: number
}

/**
 * A worker's rate-limit store: every token is taken from the primary process's buckets, so a
 * key gets its limit once per machine, not once per worker (connections are spread over the
 * workers). If the primary does not answer (it is stuck or gone) the request is let through
 * and the failure reported: a limiter outage must not turn into refusing every client.
 */
export class SharedRateLimitStore implements RateLimitStore {
  constructor(
    private readonly channel: IpcChannel,
    private readonly onFailure: (error: Error) => void
  ) {}

  async take(key: string, now: number): Promise<RateDecision> {
    try {
      return (await this.channel.ask(RATE_LIMIT_REQUEST, { key, now } satisfies RateLimitAsk)) as RateDecision
    } catch (error) {
      this.onFailure(error as Error)
      return { allowed: true, retryAfterMs: 0 }
    }
  }
}
