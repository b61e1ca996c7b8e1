import cluster, { type Worker } from 'node:cluster'
import type { GatewayConfig } from '../config.js'
import type { Logger } from '../observability/logger.js'
import { prepareStorage } from '../prepare-storage.js'
import { TokenBucketStore } from '../security/token-bucket.js'
import { warnOpenAccess } from '../security/warn-open-access.js'
import { METRICS_REQUEST, sumWorkerMetrics } from './cluster-metrics.js'
import { IpcChannel } from './ipc-channel.js'
import { RATE_LIMIT_REQUEST, type RateLimitAsk } from './shared-rate-limit-store.js'

/** A worker that exits sooner than this after starting counts as failing at start. */
const QUICK_EXIT_MS = 10_000
/** Consecutive quick exits after which the primary stops restarting and exits. */
const MAX_QUICK_EXITS = 5

/**
 * The primary process of `WORKERS > 1`: prepares storage once (schema, demo data), then forks
 * `config.workers` gateway processes that share the port (the OS spreads connections over
 * them). It keeps what must be one per machine: the rate-limit buckets and the sum of the
 * workers' metrics, answered over IPC. A worker that dies is replaced; one that keeps dying at
 * start (a bad port, a broken file) stops the whole server instead of looping. On SIGTERM or
 * SIGINT every worker drains and stops, then the primary exits.
 */
export async function runPrimary(config: GatewayConfig, logger: Logger): Promise<void> {
  // Only the primary opens the file first: concurrent first opens would race to create its schema.
  const backend = await prepareStorage(config, logger)
  await backend.close()

  const { perMinute, burst } = config.production.rateLimit
  const buckets = new TokenBucketStore(perMinute, burst)
  const channels = new Map<Worker, IpcChannel>()
  const startedAt = new Map<Worker, number>()
  const listening = new Set<number>()
  let quickExits = 0
  let stopping = false
  let exitCode = 0

  const fork = () => {
    const worker = cluster.fork()
    const channel = new IpcChannel(worker)
    channel.answer(RATE_LIMIT_REQUEST, (body) => {
      const { key, now } = body as RateLimitAsk
      return buckets.take(key, now)
    })
    channel.answer(METRICS_REQUEST, () => sumWorkerMetrics([...channels.values()]))
    channels.set(worker, channel)
    startedAt.set(worker, Date.now())
    logger.info('worker started', { worker: worker.id, pid: worker.process.pid })
  }

  cluster.on('listening', (worker, address) => {
    if (listening.has(worker.id)) return
    listening.add(worker.id)
    // The first time every worker listens, the server is up: say so once, as a single process does.
    if (listening.size !== config.workers) return
    if (config.production.apiKeys.length === 0) warnOpenAccess(logger, config.production.nodeEnv)
    logger.info('customer graph gateway listening', {
      url: `http://localhost:${address.port}/graphql`,
      backend: config.backend.kind === 'embedded' ? `embedded engine at ${config.backend.path}` : `RushDB at ${config.backend.url}`,
      apiKeys: config.production.apiKeys.length,
      port: address.port,
      workers: config.workers
    })
  })

  cluster.on('exit', (worker, code, signal) => {
    channels.delete(worker)
    const lived = Date.now() - (startedAt.get(worker) ?? 0)
    startedAt.delete(worker)
    if (stopping) {
      if (code !== 0) exitCode = 1
      if (channels.size === 0) {
        logger.info('stopped cleanly: every worker has stopped', { exitCode })
        process.exit(exitCode)
      }
      return
    }
    quickExits = lived < QUICK_EXIT_MS ? quickExits + 1 : 0
    logger.error('worker exited unexpectedly', { worker: worker.id, code, signal, livedMs: lived })
    if (quickExits >= MAX_QUICK_EXITS) {
      logger.error(`workers exited ${MAX_QUICK_EXITS} times in a row within ${QUICK_EXIT_MS / 1000} s of starting; stopping (see the errors above)`)
      exitCode = 1
      return stop('workers failing')
    }
    fork()
  })

  const stop = (reason: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down: stopping every worker', { reason, workers: channels.size })
    if (channels.size === 0) process.exit(exitCode)
    for (const worker of channels.keys()) worker.process.kill('SIGTERM')
    // Workers bound their own drain; this only catches one that hangs beyond it.
    setTimeout(() => {
      logger.error('workers did not stop in time; killing them')
      for (const worker of channels.keys()) worker.process.kill('SIGKILL')
      process.exit(1)
    }, 15_000 + config.production.shutdownDelayMs).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  for (let i = 0; i < config.workers; i++) fork()
}
