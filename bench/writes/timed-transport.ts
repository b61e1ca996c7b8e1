import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'

/** Time spent below the SDK (the in-process transport: JSON copy of request and response, and the engine), per route. */
export class TransportTimer {
  readonly byRoute = new Map<string, { calls: number; ms: number }>()

  /** Wraps a transport so every call is timed. */
  wrap = (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest: async (url, config) => {
      const started = performance.now()
      try {
        return await inner.makeRequest(url, config)
      } finally {
        const route = `${config.method} ${url.replace(/^.*\/api\/v1/, '').replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`
        const entry = this.byRoute.get(route) ?? { calls: 0, ms: 0 }
        entry.calls++
        entry.ms += performance.now() - started
        this.byRoute.set(route, entry)
      }
    }
  })

  /** Total milliseconds and calls below the SDK since the last reset. */
  total(): { calls: number; ms: number } {
    let calls = 0
    let ms = 0
    for (const e of this.byRoute.values()) {
      calls += e.calls
      ms += e.ms
    }
    return { calls, ms }
  }

  reset(): void {
    this.byRoute.clear()
  }

  /** The routes by time spent, for the profile lines. */
  lines(): string[] {
    return [...this.byRoute.entries()].sort((a, b) => b[1].ms - a[1].ms).map(([route, e]) => `    ${route.padEnd(34)} ${String(e.calls).padStart(6)} calls ${e.ms.toFixed(0).padStart(7)} ms`)
  }
}
