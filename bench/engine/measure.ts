/** Latency summary of one measured operation, in milliseconds. */
export interface Timing {
  iterations: number
  median: number
  p95: number
}

/** Runs `fn` `warmup` times unmeasured, then `iterations` times measured one by one. */
export async function measure(fn: (i: number) => unknown, warmup: number, iterations: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i)
  const samples: number[] = []
  for (let i = 0; i < iterations; i++) {
    const started = performance.now()
    await fn(i)
    samples.push(performance.now() - started)
  }
  samples.sort((a, b) => a - b)
  return { iterations, median: percentile(samples, 0.5), p95: percentile(samples, 0.95) }
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]
}
