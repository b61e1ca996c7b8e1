import { linkPairs, type JoinPairs } from '../write/key-join.js'
import type { DbAccess } from './db-access.js'
import type { PatternOut } from './pattern-store.js'

/** Source records joined per write transaction. */
export const APPLY_BATCH = 500

/**
 * Creates the relationships of a join pattern: for each source record, an edge of `type` to
 * (direction `in`: from) every target record whose key equals its key. Source records are taken
 * in rid order, `APPLY_BATCH` per write transaction, so other writers wait at most one batch.
 * `INSERT OR IGNORE` on the edge's key, and a check for the same edge the other way round,
 * make it idempotent: a second approval creates only what is missing. Returns the count created.
 */
export async function applyPattern(access: DbAccess, pattern: PatternOut, type: string): Promise<number> {
  const params = { sl: pattern.source.label, sk: pattern.source.key }
  let created = 0
  let after = 0
  for (;;) {
    const done = await access.write(() => {
      const rids = access.db
        .prepare(
          `SELECT DISTINCT v.rid FROM vals v JOIN records r ON r.rid = v.rid AND r.label = @sl
           WHERE v.name = @sk AND v.type IN ('string', 'number') AND v.pos >= 0 AND v.v IS NOT NULL AND v.rid > @after ORDER BY v.rid LIMIT ${APPLY_BATCH}`
        )
        .raw()
        .all({ ...params, after }) as Array<[number]>
      if (rids.length === 0) return true
      // The key join of POST /relationships/create-many, with the batch as the source side.
      const pairs: JoinPairs = {
        mode: 'key',
        source: { label: pattern.source.label, key: pattern.source.key, rids: rids.map(([r]) => r) },
        target: { label: pattern.target.label, key: pattern.target.key }
      }
      created += linkPairs(access.db, pairs, type, pattern.direction, true)
      after = rids[rids.length - 1][0]
      return rids.length < APPLY_BATCH
    })
    if (done) return created
  }
}
