/** The verdict on one request against a rate limit. */
export interface RateDecision {
  allowed: boolean
  /** When refused: how long until one request is allowed again. */
  retryAfterMs: number
}

/** Where rate-limit state lives: in memory for one replica; a shared store (e.g. Redis) for many. */
export interface RateLimitStore {
  /** Takes one request's token from `key`'s bucket (async so a networked store fits). */
  take(key: string, now: number): RateDecision | Promise<RateDecision>
}

/** An in-memory token bucket per key: `burst` requests at once, refilled at `perMinute`. */
export class TokenBucketStore implements RateLimitStore {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    private readonly perMinute: number,
    private readonly burst: number
  ) {}

  take(key: string, now: number): RateDecision {
    const ratePerMs = this.perMinute / 60_000
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now }
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * ratePerMs)
    bucket.at = now
    this.buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return { allowed: true, retryAfterMs: 0 }
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / ratePerMs) }
  }
}
