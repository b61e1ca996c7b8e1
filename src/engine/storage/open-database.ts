import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { migrate } from './migrations.js'

/** Where the engine keeps its data: a file path (durable, WAL) or `:memory:`. */
export interface StorageOptions {
  path: string
  readonly?: boolean
}

/** Opens (creating and migrating if needed) the engine database. */
export function openDatabase({ path, readonly = false }: StorageOptions): Database.Database {
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path, { readonly })
  if (path !== ':memory:') {
    if (!readonly) db.pragma('journal_mode = WAL')
    // NORMAL in WAL mode survives a process kill; only an OS crash can lose the last commits.
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
  }
  db.pragma('foreign_keys = OFF')
  db.pragma('cache_size = -65536')
  db.pragma('temp_store = MEMORY')
  if (!readonly) migrate(db)
  return db
}
