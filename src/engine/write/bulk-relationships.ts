import type Database from 'better-sqlite3'
import { compileMatch } from '../query/compile-match.js'
import { prepareCached } from '../query/statement-cache.js'
import { DEFAULT_RELATION_TYPE } from '../types.js'
import { parseBulkRelationshipBody, type BulkRelationshipBody, type BulkSide } from './bulk-relationship-body.js'
import { linkPairs, unlinkPairs, type JoinPairs, type JoinSide } from './key-join.js'

/** A side's matches: a where runs through the engine's own compiler; without one, the whole label. */
function resolveSide(db: Database.Database, side: BulkSide): JoinSide {
  if (!side.where || Object.keys(side.where).length === 0) return { label: side.label }
  const { sql, params } = compileMatch({ labels: [side.label], where: side.where })
  return { label: side.label, rids: prepareCached(db, sql).pluck().all(...params) as number[] }
}

function joinPairs(db: Database.Database, body: BulkRelationshipBody): JoinPairs {
  const source = resolveSide(db, body.source)
  const target = resolveSide(db, body.target)
  if (body.manyToMany) return { mode: 'cartesian', source: source as Required<JoinSide>, target: target as Required<JoinSide> }
  return { mode: 'key', source: { ...source, key: body.source.key! }, target: { ...target, key: body.target.key! } }
}

/**
 * POST /relationships/create-many: links every source record to every target record whose key
 * value equals its own (or, with `manyToMany`, every source match to every target match), each
 * side narrowed by its where. One set statement; an edge already there is kept, so repeating the
 * call creates nothing. Returns how many edges were created.
 */
export function createManyRelationships(db: Database.Database, body: unknown): number {
  const parsed = parseBulkRelationshipBody(body, false)
  return linkPairs(db, joinPairs(db, parsed), parsed.type ?? DEFAULT_RELATION_TYPE, parsed.direction ?? 'out')
}

/**
 * POST /relationships/delete-many: removes the edges between the same pairs create-many would
 * link — of `type` (every type without one), in `direction` (both without one). Returns the count.
 */
export function deleteManyRelationships(db: Database.Database, body: unknown): number {
  const parsed = parseBulkRelationshipBody(body, true)
  return unlinkPairs(db, joinPairs(db, parsed), parsed.type, parsed.direction)
}
