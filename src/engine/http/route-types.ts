import type Database from 'better-sqlite3'
import type { GraphIndex } from '../index/graph-index.js'
import type { RecordStore } from '../storage/record-store.js'
import type { Reply } from './envelope.js'
import type { TransactionManager } from './transaction-manager.js'

/** What a data route gets: the connection to use (main, or the read snapshot) and the request. */
export interface RouteContext {
  db: Database.Database
  store: RecordStore
  /** The in-memory indexes searches may use (they check they are outside a write transaction). */
  index?: GraphIndex
  params: Record<string, string>
  query: URLSearchParams
  body: unknown
}

/** What a transaction-control route gets. */
export interface TxRouteContext {
  transactions: TransactionManager
  params: Record<string, string>
  body: unknown
}

interface RouteBase {
  method: string
  /** Path pattern; `:id` segments must be UUIDs (checked before the handler), `:txId` are free. */
  pattern: string
  /** Status of a successful answer (Nest: 201 for POST unless the controller says otherwise). */
  status: number
  /** When present, the route only matches bodies it accepts (POST /records: batch get vs create). */
  when?: (body: unknown) => boolean
}

/** A route that reads the database: runs on a snapshot that never sees others' open writes. */
export interface ReadRoute extends RouteBase {
  access: 'read'
  handler: (ctx: RouteContext) => Reply
}

/** A route that writes: runs synchronously inside one SQLite transaction under the write lock. */
export interface WriteRoute extends RouteBase {
  access: 'write'
  handler: (ctx: RouteContext) => Reply
}

/** POST /tx and friends: manage user transactions; need a token but no connection. */
export interface TxRoute extends RouteBase {
  access: 'tx'
  handler: (ctx: TxRouteContext) => Reply | Promise<Reply>
}

/** Routes anyone may call (settings). */
export interface PublicRoute extends RouteBase {
  access: 'public'
  handler: () => Reply
}

/** One row of the route table. */
export type Route = ReadRoute | WriteRoute | TxRoute | PublicRoute
