import { AggregatorRegistry, type Registry } from 'prom-client'
import type { IpcChannel } from './ipc-channel.js'

/** Worker → primary: "the sum over every worker, please" (replied with the exposition text). */
export const METRICS_REQUEST = 'metrics'
/** Primary → worker: "your own metrics" (replied with `registry.getMetricsAsJSON()`). */
export const METRICS_PART_REQUEST = 'metrics-part'

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>

/** In a worker: answers the primary's requests for this process's metrics from `registry`. */
export function answerMetricsParts(channel: IpcChannel, registry: Registry): void {
  channel.answer(METRICS_PART_REQUEST, () => registry.getMetricsAsJSON())
}

/** In a worker: the cluster-wide exposition, assembled by the primary from every worker's part. */
export async function askClusterMetrics(channel: IpcChannel): Promise<string> {
  return (await channel.ask(METRICS_REQUEST)) as string
}

/**
 * In the primary: every live worker's metrics summed into one exposition (counters and
 * histograms add up; prom-client's per-metric aggregators decide for process gauges). A worker
 * that does not answer in time is left out rather than failing the scrape.
 */
export async function sumWorkerMetrics(workers: readonly IpcChannel[]): Promise<string> {
  const parts = await Promise.allSettled(workers.map((w) => w.ask(METRICS_PART_REQUEST)))
  const answered = parts.filter((p): p is PromiseFulfilledResult<unknown> => p.status === 'fulfilled').map((p) => p.value as MetricsJson)
  return AggregatorRegistry.aggregate(answered).metrics()
}
