import type Database from 'better-sqlite3'
import { effectiveLabels } from '../query/compile-filter.js'
import type { SearchQuery } from '../query/search-query.js'
import type { GraphIndex } from './graph-index.js'
import { indexWhere, type IndexedMatch } from './index-where.js'

/** Above this many rids, a superset is no help to SQL (passing it costs more than it saves). */
const MAX_PREFILTER = 20_000

/**
 * What the in-memory indexes can say about a search's root matches: the exact set, a small
 * superset for SQL to finish, or nothing (the query is left to SQL alone). Syncs the indexes with
 * the committed state first, so `db` must not be inside a write transaction.
 */
export function indexedCandidates(db: Database.Database, index: GraphIndex, query: SearchQuery): IndexedMatch | undefined {
  index.sync(db)
  const labels = effectiveLabels(query.labels)
  const universe = labels.length === 0 ? undefined : labels.map((l) => index.label(db, l)).reduce((a, b) => a.or(b))
  const where = query.where ?? {}
  const match = Object.keys(where).length === 0 ? universe && { set: universe, exact: true } : indexWhere(db, index, where, universe)
  if (!match) return undefined
  if (!match.exact && match.set.size > MAX_PREFILTER) return undefined
  return match
}
