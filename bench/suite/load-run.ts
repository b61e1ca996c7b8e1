import autocannon from 'autocannon'

/** What one fixed-connection, fixed-duration load run measured. */
export interface LoadResult {
  connections: number
  seconds: number
  requests: number
  /** Requests per second over the run. */
  rps: number
  p50: number
  p95: number
  p99: number
  /** Failed requests: socket errors, timeouts, non-2xx answers, bodies carrying GraphQL errors. */
  failed: number
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

/**
 * POSTs one GraphQL request over `connections` keep-alive connections for `seconds` (autocannon)
 * and returns the throughput and exact latency percentiles of every answered request.
 */
export function runLoad(url: string, request: { query: string; variables: Record<string, unknown> }, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = []
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
        connections,
        duration: seconds,
        // A cheap check that every answer is a success: GraphQL errors come with HTTP 200.
        verifyBody: (body) => !body.includes('"errors"'),
        // A slow baseline under load must be measured, not cut off at autocannon's default 10 s.
        timeout: 120
      },
      (error, result) => {
        if (error) return reject(error)
        latencies.sort((a, b) => a - b)
        resolve({
          connections,
          seconds,
          requests: latencies.length,
          rps: latencies.length / result.duration,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          failed: result.errors + result.timeouts + result.non2xx + result.mismatches
        })
      }
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime))
  })
}

/**
 * One request at a time over one keep-alive connection, for `seconds` and at least `minRequests`:
 * the latency of a request alone, the figure compared with the SQL floor.
 */
export async function runSequential(url: string, request: { query: string; variables: Record<string, unknown> }, seconds: number, minRequests = 10): Promise<LoadResult> {
  const body = JSON.stringify(request)
  const latencies: number[] = []
  let failed = 0
  const started = performance.now()
  while (latencies.length < minRequests || performance.now() - started < seconds * 1000) {
    const t = performance.now()
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body })
    const text = await res.text()
    latencies.push(performance.now() - t)
    if (res.status !== 200 || text.includes('"errors"')) failed++
  }
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return { connections: 1, seconds: elapsed, requests: latencies.length, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), failed }
}
