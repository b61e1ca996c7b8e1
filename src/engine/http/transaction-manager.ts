import type Database from 'better-sqlite3'
import { badRequest, EngineError } from '../errors.js'
import { newId } from '../ids.js'
import type { AsyncLock, Release } from './async-lock.js'

/** RushDB v1.8 clamps a transaction's time to live to 30 s. */
export const MAX_TX_TTL_MS = 30_000

/** RushDB's default transaction time to live. */
export const DEFAULT_TX_TTL_MS = 5_000

interface OpenTransaction {
  release: Release
  timer: NodeJS.Timeout
}

/**
 * User transactions (POST /tx). SQLite has one writer, so an open transaction is a `BEGIN` held
 * on the main connection across requests, and it holds the engine's write lock until it ends:
 * commit, rollback, TTL expiry, or an error in one of its requests.
 */
export class TransactionManager {
  private readonly open = new Map<string, OpenTransaction>()
  private closed = false

  constructor(
    private readonly db: Database.Database,
    private readonly lock: AsyncLock,
    private readonly defaultTtlMs: number = DEFAULT_TX_TTL_MS,
    /** Runs after a successful COMMIT, before the write lock is released. */
    private readonly afterCommit: () => void = () => undefined
  ) {}

  /** True while a user transaction holds the main connection. */
  get active(): boolean {
    return this.open.size > 0
  }

  /** Waits for the write lock, opens a transaction and returns its id. */
  async begin(ttl: unknown): Promise<string> {
    const ttlMs = this.ttlFrom(ttl)
    const release = await this.lock.acquire()
    if (this.closed) {
      release()
      throw new EngineError(503, 'The engine is shutting down')
    }
    try {
      this.db.exec('BEGIN IMMEDIATE')
    } catch (error) {
      release()
      throw error
    }
    const id = newId()
    const timer = setTimeout(() => this.rollback(id), ttlMs)
    timer.unref()
    this.open.set(id, { release, timer })
    return id
  }

  /** True when `id` names an open transaction. */
  has(id: string): boolean {
    return this.open.has(id)
  }

  /** Commits `id`; false when it is unknown or already over (RushDB answers 200 anyway). */
  commit(id: string): boolean {
    const tx = this.take(id)
    if (!tx) return false
    try {
      this.db.exec('COMMIT')
      this.afterCommit()
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw error
    } finally {
      tx.release()
    }
    return true
  }

  /** Rolls `id` back; false when it is unknown or already over. */
  rollback(id: string): boolean {
    const tx = this.take(id)
    if (!tx) return false
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
    } finally {
      tx.release()
    }
    return true
  }

  /** Rolls back every open transaction and refuses new ones (engine shutdown). */
  closeAll(): void {
    this.closed = true
    for (const id of [...this.open.keys()]) this.rollback(id)
  }

  private take(id: string): OpenTransaction | undefined {
    const tx = this.open.get(id)
    if (!tx) return undefined
    this.open.delete(id)
    clearTimeout(tx.timer)
    return tx
  }

  private ttlFrom(ttl: unknown): number {
    if (ttl === undefined || ttl === null) return this.defaultTtlMs
    if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0) {
      throw badRequest('ttl must be a positive number of milliseconds')
    }
    return Math.min(Math.ceil(ttl), MAX_TX_TTL_MS)
  }
}
