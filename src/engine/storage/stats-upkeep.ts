import type Database from 'better-sqlite3'
import { changeHead, type ChangePosition } from '../index/change-feed.js'

/** Fewest changes (change-log rows plus new records) between two refreshes of the planner statistics. */
export const STATS_MIN_CHANGES = 20_000
/** Rows each index is sampled with when refreshing (approximate ANALYZE: milliseconds, not seconds). */
const ANALYSIS_LIMIT = 1000

/**
 * Keeps SQLite's planner statistics (`sqlite_stat1`) in step with large writes. Without them, right
 * after a bulk import the planner guesses, and a related-record lookup can scan a whole label
 * instead of following edges. After a committed write, once the change log and the new records
 * (not logged: index/change-feed.ts) add up to `STATS_MIN_CHANGES` and to a quarter of the
 * records, it runs a sampled ANALYZE: the cost stays geometric over a growing file while every
 * size gets fresh statistics.
 */
export class StatsUpkeep {
  private analyzedAt: ChangePosition

  constructor(private readonly db: Database.Database) {
    this.analyzedAt = changeHead(db)
  }

  /** Call after each commit, still holding the write lock (ANALYZE writes). */
  afterCommit(): void {
    if (this.db.inTransaction) return
    const head = changeHead(this.db)
    const grown = head.seq - this.analyzedAt.seq + Math.max(0, head.rid - this.analyzedAt.rid)
    if (grown < STATS_MIN_CHANGES || grown < head.rid / 4) return
    this.analyzedAt = head
    this.db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`)
    try {
      this.db.exec('ANALYZE')
    } finally {
      this.db.pragma('analysis_limit = 0')
    }
  }
}
