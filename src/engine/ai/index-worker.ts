import type { ChangePosition } from '../index/change-feed.js'
import type { DbAccess } from './db-access.js'
import { EmbeddingError, vectorBlob, type Embedder } from './embedder.js'
import type { IndexRow, IndexStore } from './index-store.js'

/** Changed records a pass looks at one by one; more, and it rescans each index. */
const MAX_INCREMENTAL = 20_000

/** Pause before a write triggers another attempt on an index whose provider failed. */
const RETRY_FAILED_MS = 10_000

/** How a failed provider is reported to whoever asked for a pass. */
export interface PassOutcome {
  errors: Array<{ indexId: string; message: string }>
}

/**
 * Embeds what the managed indexes are missing, a batch at a time, so progress (`indexed`,
 * `pending`) is visible while a back-fill runs and writes are never blocked by the provider:
 * pending rows are read, embedded with no lock held, then stored in a short write. Passes run
 * one after another; `kick` (after every write) queues at most one more.
 */
export class IndexWorker {
  private queue: Promise<unknown> = Promise.resolve()
  private queued = false
  private closed = false
  /** The change-log position the last pass started from. */
  private seen: ChangePosition | undefined

  constructor(
    private readonly access: DbAccess,
    private readonly store: IndexStore,
    private readonly embedder: Embedder,
    private readonly batchSize: number,
    private readonly logError: (error: unknown) => void
  ) {}

  /** Schedules a pass over every index (coalesced: one queued pass covers many writes). */
  kick(): void {
    if (this.queued || this.closed) return
    this.queued = true
    this.queue = this.queue.then(() => {
      this.queued = false
      // After close() the connection is gone: a pass cut short then is not an error.
      return this.pass(false).catch((error) => this.closed || this.logError(error))
    })
  }

  /**
   * Queues a catch-up pass and waits for it (a search's read-your-writes): ready and failed
   * indexes embed the records changed since the last pass, unless more than `maxChanged`
   * changed; an index still back-filling is left to the background. Resolves with the
   * provider failures it met.
   */
  async catchUp(maxChanged: number): Promise<PassOutcome> {
    const run = this.queue.then(() => this.pass(true, maxChanged))
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Waits for queued passes (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue
  }

  /** Stops after the current batch. */
  close(): void {
    this.closed = true
  }

  /**
   * One pass: an index that is not `ready` (new, or failed before) is scanned whole; a ready one
   * only looks at the records the change log says were written since the last pass (the whole
   * label again if the log has a hole or too many changes).
   */
  private async pass(retryFailed: boolean, catchUpLimit?: number): Promise<PassOutcome> {
    const outcome: PassOutcome = { errors: [] }
    if (this.closed) return outcome
    const { indexes, changes } = await this.access.read(() => {
      const list = this.store.list()
      // Without indexes only the log's position matters (writes then cost one cheap query).
      return { indexes: list, changes: this.store.changedSince(list.length === 0 ? undefined : this.seen, catchUpLimit ?? MAX_INCREMENTAL) }
    })
    if (catchUpLimit !== undefined && changes.rids === undefined && this.seen !== undefined) return outcome
    for (const index of indexes) {
      if (catchUpLimit !== undefined && index.status === 'building') continue
      // A failed provider is retried by searches at once, by writes only after a pause.
      if (index.status === 'failed' && !retryFailed && Date.now() - Date.parse(index.updated_at) < RETRY_FAILED_MS) continue
      const rids = index.status === 'ready' ? changes.rids : undefined
      if (rids === '[]') continue
      const error = await this.fill(index, rids)
      if (error) outcome.errors.push({ indexId: index.id, message: error })
      if (this.closed) break
    }
    this.seen = changes.position
    return outcome
  }

  /** Embeds one index's pending records (among `rids` if given) until none is left; returns the provider's error if it failed. */
  private async fill(index: IndexRow, rids?: string): Promise<string | undefined> {
    let touched = false
    for (;;) {
      if (this.closed) return undefined
      const batch = await this.access.read(() => (this.exists(index.id) ? this.store.pending(index, this.batchSize, rids) : []))
      if (batch.length === 0) break
      if (!touched && index.status !== 'building') await this.access.write(() => this.store.setStatus(index.id, 'building'))
      touched = true
      let vectors: Float32Array[]
      try {
        vectors = await this.embedder.embed(batch.map((b) => b.text))
      } catch (error) {
        if (!(error instanceof EmbeddingError)) throw error
        const pending = await this.access.read(() => (this.exists(index.id) ? this.store.describe(index).pending : 0))
        await this.access.write(() => this.exists(index.id) && this.store.setStatus(index.id, 'failed', { count: pending, error: error.message }))
        return error.message
      }
      if (this.closed) return undefined
      await this.access.write(() => {
        if (!this.exists(index.id)) return
        this.store.saveVectors(index.id, batch.map((b, i) => ({ rid: b.rid, text: b.text, blob: vectorBlob(vectors[i]) })))
      })
    }
    await this.access.write(() => {
      if (!this.exists(index.id)) return
      this.store.prune(index, rids)
      this.store.setStatus(index.id, 'ready')
    })
    return undefined
  }

  private exists(id: string): boolean {
    return this.store.list().some((i) => i.id === id)
  }
}
