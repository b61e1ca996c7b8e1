/** Releases a held lock; calling it twice is harmless. */
export type Release = () => void

/**
 * A FIFO async mutex: the engine's write lock. Holders are either one synchronous write request
 * (held for microseconds) or an open user transaction (held until commit, rollback or expiry).
 */
export class AsyncLock {
  private held = false
  private readonly waiters: Array<(release: Release) => void> = []

  /** True while someone holds the lock. */
  get locked(): boolean {
    return this.held
  }

  /** Takes the lock now if it is free and nobody is queued; otherwise undefined. */
  tryAcquire(): Release | undefined {
    if (this.held || this.waiters.length > 0) return undefined
    this.held = true
    return this.releaser()
  }

  /** Waits for the lock, first come first served. */
  acquire(): Promise<Release> {
    const now = this.tryAcquire()
    if (now) return Promise.resolve(now)
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  private releaser(): Release {
    let done = false
    return () => {
      if (done) return
      done = true
      const next = this.waiters.shift()
      // Hand over directly so no newcomer can jump the queue between release and wake-up.
      if (next) next(this.releaser())
      else this.held = false
    }
  }
}
