import type Database from 'better-sqlite3'

/** One REST call as the engine sees it, whichever transport carried it. */
export interface EngineRequest {
  method: string
  /** The path after `/api/v1`, with its query string, e.g. `/relationships/search?limit=10`. */
  path: string
  headers: Record<string, string | undefined>
  /** The parsed JSON body; `undefined` when the request had none. */
  body?: unknown
}

/** The engine's answer: an HTTP status and a JSON-serialisable body. */
export interface EngineResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/** A running embedded engine: one database, one router, one transaction manager. */
export interface Engine {
  /** Answers one request; never throws (unexpected failures become a 500 with body `{}`). */
  handle(request: EngineRequest): Promise<EngineResponse>
  /** The main (write) connection. */
  readonly db: Database.Database
  /** Resolves when background work (embedding of managed indexes) queued so far is done. */
  idle?(): Promise<void>
  /** Rolls back open transactions and closes every connection. */
  close(): void
}
