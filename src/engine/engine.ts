import { createAiExtension } from './ai/ai-extension.js'
import type { Embedder } from './ai/embedder.js'
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
  /** Embedding provider of the managed indexes (default: the built-in lexical `hashed-char-ngram-384`). */
  embedder?: Embedder
  /** Records embedded per provider call (default 64). */
  embedBatchSize?: number
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
  const logError =
    options.logError ?? ((error: unknown, request: EngineRequest) => console.error(`[engine] ${request.method} ${request.path} failed:`, error))
  // RushDB 2.x's AI endpoints (schema, embedding indexes, semantic search, relationship patterns).
  const ai = createAiExtension({
    db, lock, token: options.token, embedder: options.embedder, embedBatchSize: options.embedBatchSize,
    logError: (error, request) => logError(error, request ?? { method: 'WORKER', path: '/ai/indexes', headers: {} })
  })
  // A commit is when data changes: statistics may need a refresh, and new text needs embedding.
  const afterCommit = () => {
    stats.afterCommit()
    ai.dataChanged()
  }
  const transactions = new TransactionManager(db, lock, options.txDefaultTtlMs ?? DEFAULT_TX_TTL_MS, afterCommit)
  const executor = new RequestExecutor(main, reader, lock, transactions, afterCommit)
  const core = createRequestHandler({ routes: ROUTES, executor, token: options.token, logError })
  const handle = (request: EngineRequest) => (ai.handles(request) ? ai.handle(request) : core(request))
  let closed = false
  return {
    handle,
    db,
    idle: () => ai.idle(),
    close() {
      if (closed) return
      closed = true
      ai.close()
      transactions.closeAll()
      db.pragma('optimize')
      readerDb?.close()
      db.close()
    }
  }
}
