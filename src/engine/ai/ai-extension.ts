import type Database from 'better-sqlite3'
import { EngineError } from '../errors.js'
import type { AsyncLock } from '../http/async-lock.js'
import { isAuthorized } from '../http/auth.js'
import type { EngineRequest, EngineResponse } from '../http/engine-types.js'
import { errorResponse, internalErrorResponse, successResponse } from '../http/envelope.js'
import { normalizeHeaders } from '../http/handle-request.js'
import { checkIdParams, matchRoute, splitPath } from '../http/router.js'
import { AI_ROUTES, type AiRoute } from './ai-routes.js'
import { DbAccess } from './db-access.js'
import type { Embedder } from './embedder.js'
import { HashedCharNgramEmbedder } from './hashed-char-ngram-embedder.js'
import { IndexStore } from './index-store.js'
import { IndexWorker } from './index-worker.js'
import { loadVectorFunctions } from './load-vector-functions.js'

/** What the AI extensions need from the engine. */
export interface AiExtensionOptions {
  db: Database.Database
  lock: AsyncLock
  token: string | undefined
  /** Default: the built-in lexical `hashed-char-ngram-384`. */
  embedder?: Embedder
  /** Records embedded per provider call and per write (default 64). */
  embedBatchSize?: number
  logError: (error: unknown, request?: EngineRequest) => void
}

/** The engine's RushDB 2.x AI endpoints, served beside the v1.8 routes. */
export interface AiExtension {
  /** True when a request is for one of these endpoints. */
  handles(request: EngineRequest): boolean
  handle(request: EngineRequest): Promise<EngineResponse>
  /** Tells the index worker that data changed (called after every successful write). */
  dataChanged(): void
  /** Waits until queued embedding passes are done. */
  idle(): Promise<void>
  close(): void
}

/** Sets up vector functions, the index worker and the AI routes over the main connection. */
export function createAiExtension(options: AiExtensionOptions): AiExtension {
  loadVectorFunctions(options.db)
  const embedder = options.embedder ?? new HashedCharNgramEmbedder()
  const access = new DbAccess(options.db, options.lock)
  const indexes = new IndexStore(options.db)
  const worker = new IndexWorker(access, indexes, embedder, options.embedBatchSize ?? 64, (e) => options.logError(e))
  // Indexes left building (or written to by another process) catch up after a restart.
  if (indexes.list().length > 0) worker.kick()
  return {
    handles: (request) => /^\/(ai|relationships\/patterns)(\/|\?|$)/.test(request.path),
    async handle(request) {
      try {
        const method = request.method.toUpperCase()
        const { segments } = splitPath(request.path)
        const match = matchRoute(AI_ROUTES as never, method, segments, request.body) as { route: AiRoute; params: Record<string, string> } | undefined
        if (!match) return errorResponse(404, `Cannot ${method} /api/v1${request.path.split('?')[0]}`)
        if (!isAuthorized(normalizeHeaders(request.headers), options.token)) return errorResponse(403, 'Forbidden resource')
        checkIdParams(match.params)
        const data = await match.route.handler({ access, indexes, worker, embedder, params: match.params, body: request.body })
        return successResponse(match.route.status, { data })
      } catch (error) {
        if (error instanceof EngineError) return errorResponse(error.status, error.message)
        options.logError(error, request)
        return internalErrorResponse()
      }
    },
    dataChanged: () => worker.kick(),
    idle: () => worker.idle(),
    close: () => worker.close()
  }
}
