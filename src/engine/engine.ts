import { AsyncLock } from './http/async-lock.js'
import type { Engine, EngineRequest } from './http/engine-types.js'
import { createRequestHandler } from './http/handle-request.js'
import { RequestExecutor } from './http/request-executor.js'
import { ROUTES } from './http/routes.js'
import { DEFAULT_TX_TTL_MS, TransactionManager } from './http/transaction-manager.js'
import { GraphIndex } from './index/graph-index.js'
import { pruneChanges } from './storage/migrations.js'
import { StatsUpkeep } from './storage/stats-upkeep.js'
import { openDatabase } from './storage/open-database.js'
import { RecordStore } from './storage/record-store.js'

export type { Engine, EngineRequest, EngineResponse } from './http/engine-types.js'

/** How to start an engine. */
export interface EngineOptions {
  /** A file path (durable, WAL) or ':memory:' (tests). */
  path: string
  /** API key every request must present; none = open engine (the in-process default). */
  token?: string
  /** Time to live of a transaction begun without `ttl` (default 5000 ms, max 30000 ms). */
  txDefaultTtlMs?: number
  /** Smallest (property, value) posting the in-memory indexes keep (default 512; tests use 1 to exercise upkeep). */
  indexPostingMinSize?: number
  /** Where unexpected (500) errors are reported; default `console.error`. */
  logError?: (error: unknown, request: EngineRequest) => void
}

/** Opens the database and returns an engine serving RushDB's REST API over it. */
export function createEngine(options: EngineOptions): Engine {
  const db = openDatabase({ path: options.path })
  db.pragma('optimize')
  // A second, read-only connection reads the last committed WAL snapshot while a user
  // transaction holds the main one; ':memory:' databases cannot be shared, so they queue instead.
  const readerDb = options.path === ':memory:' ? undefined : openDatabase({ path: options.path, readonly: true })
  pruneChanges(db)
  // One set of in-memory indexes for both connections: each syncs it to the snapshot it reads.
  const index = new GraphIndex(options.indexPostingMinSize)
  const main = { db, store: new RecordStore(db), index }
  const reader = readerDb ? { db: readerDb, store: new RecordStore(readerDb), index } : undefined
  const lock = new AsyncLock()
  const stats = new StatsUpkeep(db)
  const afterCommit = () => stats.afterCommit()
  const transactions = new TransactionManager(db, lock, options.txDefaultTtlMs ?? DEFAULT_TX_TTL_MS, afterCommit)
  const executor = new RequestExecutor(main, reader, lock, transactions, afterCommit)
  const logError =
    options.logError ?? ((error: unknown, request: EngineRequest) => console.error(`[engine] ${request.method} ${request.path} failed:`, error))
  const handle = createRequestHandler({ routes: ROUTES, executor, token: options.token, logError })
  let closed = false
  return {
    handle,
    db,
    close() {
      if (closed) return
      closed = true
      transactions.closeAll()
      db.pragma('optimize')
      readerDb?.close()
      db.close()
    }
  }
}
