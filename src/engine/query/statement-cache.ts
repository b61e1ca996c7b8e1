import type Database from 'better-sqlite3'

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()
const MAX_STATEMENTS = 256

/** A prepared statement for `text`, reused per connection (parsing is a large part of a fast query). */
export function prepareCached(db: Database.Database, text: string): Database.Statement {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let stmt = cache.get(text)
  if (!stmt) {
    stmt = db.prepare(text)
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!)
    cache.set(text, stmt)
  }
  return stmt
}
