import type Database from 'better-sqlite3'
import type { AsyncLock } from '../http/async-lock.js'

/**
 * How the AI extensions reach the main connection without stepping into a user transaction
 * (which holds the write lock across requests): reads run at once when no transaction is open,
 * else after it ends; writes always take the lock and run in their own SQLite transaction.
 */
export class DbAccess {
  constructor(
    readonly db: Database.Database,
    private readonly lock: AsyncLock
  ) {}

  /** Runs a read on committed data. */
  async read<T>(fn: () => T): Promise<T> {
    if (!this.db.inTransaction && !this.lock.locked) return fn()
    const release = await this.lock.acquire()
    try {
      return fn()
    } finally {
      release()
    }
  }

  /** Runs `fn` atomically under the write lock. */
  async write<T>(fn: () => T): Promise<T> {
    const release = await this.lock.acquire()
    try {
      return this.db.transaction(fn)()
    } finally {
      release()
    }
  }
}
