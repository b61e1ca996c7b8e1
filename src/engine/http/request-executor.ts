import type Database from 'better-sqlite3'
import { notFound } from '../errors.js'
import type { GraphIndex } from '../index/graph-index.js'
import { pruneChanges } from '../storage/migrations.js'
import type { RecordStore } from '../storage/record-store.js'
import type { AsyncLock } from './async-lock.js'
import type { Reply } from './envelope.js'
import type { ReadRoute, Route, RouteContext, WriteRoute } from './route-types.js'
import type { TransactionManager } from './transaction-manager.js'

/** A connection with its record store and the (shared) in-memory indexes. */
export interface Connection {
  db: Database.Database
  store: RecordStore
  index?: GraphIndex
}

/** Writes between two prunings of the change log. */
const PRUNE_EVERY = 1000

/** The request parts a handler sees, before a connection is chosen. */
export interface RequestParts {
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
  txId: string | undefined
}

/**
 * Runs a matched route on the right connection under the right lock:
 * - in a user transaction (`x-transaction-id`): on the main connection, inside its open BEGIN;
 *   any error rolls the whole transaction back;
 * - a write outside one: under the write lock (so after any open transaction ends), in its own
 *   SQLite transaction;
 * - a read outside one: on the main connection when no transaction is open; otherwise on the
 *   read-only snapshot connection (file databases) or, for ':memory:', after the transaction ends.
 */
export class RequestExecutor {
  private readonly atomic: (fn: () => Reply) => Reply
  private writes = 0

  constructor(
    private readonly main: Connection,
    private readonly reader: Connection | undefined,
    private readonly lock: AsyncLock,
    private readonly transactions: TransactionManager,
    /** Runs after each committed write outside a user transaction, under the write lock. */
    private readonly afterCommit: () => void = () => undefined
  ) {
    this.atomic = main.db.transaction((fn: () => Reply) => fn())
  }

  /** Runs `route` for `parts`. */
  async run(route: Route, parts: RequestParts): Promise<Reply> {
    switch (route.access) {
      case 'public':
        return route.handler()
      case 'tx':
        return route.handler({ transactions: this.transactions, params: parts.params, body: parts.body })
      default:
        if (parts.txId !== undefined) return this.inTransaction(route, parts, parts.txId)
        return route.access === 'write' ? this.write(route, parts) : this.read(route, parts)
    }
  }

  private inTransaction(route: ReadRoute | WriteRoute, parts: RequestParts, txId: string): Reply {
    if (!this.transactions.has(txId)) throw notFound(`Transaction with ID ${txId} not found`)
    try {
      return route.handler(context(this.main, parts))
    } catch (error) {
      this.transactions.rollback(txId)
      throw error
    }
  }

  private async write(route: WriteRoute, parts: RequestParts): Promise<Reply> {
    const release = this.lock.tryAcquire() ?? (await this.lock.acquire())
    try {
      const reply = this.atomic(() => route.handler(context(this.main, parts)))
      if (++this.writes % PRUNE_EVERY === 0) pruneChanges(this.main.db)
      this.afterCommit()
      return reply
    } finally {
      release()
    }
  }

  private async read(route: ReadRoute | WriteRoute, parts: RequestParts): Promise<Reply> {
    if (!this.main.db.inTransaction) return route.handler(context(this.main, parts))
    if (this.reader) return route.handler(context(this.reader, parts))
    const release = await this.lock.acquire()
    try {
      return route.handler(context(this.main, parts))
    } finally {
      release()
    }
  }
}

function context(conn: Connection, parts: RequestParts): RouteContext {
  return { db: conn.db, store: conn.store, index: conn.index, params: parts.params, query: parts.query, body: parts.body }
}
