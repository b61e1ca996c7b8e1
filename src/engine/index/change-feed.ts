import type Database from 'better-sqlite3'
import { prepareCached } from '../query/statement-cache.js'

/**
 * Where a reader of the committed graph stands: the last `changes` row it has replayed and the
 * highest record rid it has seen. New records are not logged (storage/migrations.ts): every rid
 * above `rid` is new, and a deletion logs in `rid2` how low a reused rid could start.
 */
export interface ChangePosition {
  seq: number
  rid: number
  /** The row at `seq` as `rid:kind:rid2` ('' for an empty log): tells a log emptied and refilled since from the one read. */
  mark: string
}

/** The records and the edge ends that changed between two positions. */
export interface ChangeSet {
  /** Records created, written or deleted (a deleted one is simply gone when read). */
  records: Set<number>
  /** Records whose edges changed (both ends of every edge created or removed). */
  edges: Set<number>
}

/** The current position, read in one statement (one snapshot). */
export function changeHead(db: Database.Database): ChangePosition {
  const [seq, rid, lastRid, kind, rid2] = prepareCached(
    db,
    `SELECT m.s, (SELECT coalesce(max(rid), 0) FROM records), c.rid, c.kind, c.rid2
     FROM (SELECT coalesce(max(seq), 0) AS s FROM changes) m LEFT JOIN changes c ON c.seq = m.s`
  )
    .raw()
    .get() as [number, number, number | null, number | null, number | null]
  return { seq, rid, mark: rowMark(lastRid, kind, rid2) }
}

function rowMark(rid: number | null, kind: number | null, rid2: number | null): string {
  return rid === null ? '' : `${rid}:${kind}:${rid2 ?? ''}`
}

/** True when nothing was committed between the two positions. */
export function samePosition(a: ChangePosition, b: ChangePosition): boolean {
  return a.seq === b.seq && a.rid === b.rid && a.mark === b.mark
}

/**
 * What changed from `from` up to `to` (a later `changeHead`), or undefined when the log no longer
 * holds every row since `from` (pruned: the reader must start over) or more than `maxRecords`
 * records changed (starting over is cheaper than patching).
 */
export function changesBetween(db: Database.Database, from: ChangePosition, to: ChangePosition, maxRecords: number): ChangeSet | undefined {
  const records = new Set<number>()
  const edges = new Set<number>()
  let low = from.rid
  if (to.seq !== from.seq || to.mark !== from.mark) {
    if (to.seq <= from.seq) return undefined
    const rows = prepareCached(db, 'SELECT seq, rid, kind, rid2 FROM changes WHERE seq >= ? AND seq <= ? ORDER BY seq').raw().all(from.seq, to.seq) as Array<
      [number, number, number, number | null]
    >
    // The row last replayed must still be there, unchanged (a log emptied by hand restarts its
    // numbering), and the next must follow it: otherwise rows were lost and patching would miss changes.
    if (from.seq > 0) {
      const first = rows.shift()
      if (!first || first[0] !== from.seq || rowMark(first[1], first[2], first[3]) !== from.mark) return undefined
    }
    if (rows.length === 0 || rows[0][0] !== from.seq + 1) return undefined
    for (const [, rid, kind, rid2] of rows) {
      if (kind === 0) {
        records.add(rid)
        // A deletion names the highest rid left after it: rids above that may be reused since.
        if (rid2 !== null && rid2 < low) low = rid2
      } else {
        edges.add(rid)
        // Edge rows logged before files were migrated name one end each (rid2 null).
        if (rid2 !== null) edges.add(rid2)
      }
      if (records.size > maxRecords) return undefined
    }
  }
  if (to.rid - low + records.size > maxRecords) return undefined
  for (let rid = low + 1; rid <= to.rid; rid++) records.add(rid)
  return { records, edges }
}
