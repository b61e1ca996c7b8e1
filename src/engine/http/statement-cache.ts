import type Database from 'better-sqlite3'

const MAX_PER_CONNECTION = 256
const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>()

/**
 * `db.prepare(sql)`, memoised per connection: the handlers' SQL text depends only on the query's
 * shape (values are bound), so a small cache saves re-planning on repeated requests.
 */
export function prepareCached(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db)
  if (!cache) {
    cache = new Map()
    caches.set(db, cache)
  }
  const hit = cache.get(sql)
  if (hit) {
    // Re-insert so the Map's order is least-recently-used first.
    cache.delete(sql)
    cache.set(sql, hit)
    return hit
  }
  const stmt = db.prepare(sql)
  cache.set(sql, stmt)
  if (cache.size > MAX_PER_CONNECTION) cache.delete(cache.keys().next().value as string)
  return stmt
}
