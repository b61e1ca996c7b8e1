import type Database from 'better-sqlite3'

/** Fewest change-log rows between two refreshes of the planner statistics. */
export const STATS_MIN_CHANGES = 20_000
/** Rows each index is sampled with when refreshing (approximate ANALYZE: milliseconds, not seconds). */
const ANALYSIS_LIMIT = 1000

/**
 * Keeps SQLite's planner statistics (`sqlite_stat1`) in step with large writes. Without them, right
 * after a bulk import the planner guesses, and a related-record lookup can scan a whole label
 * instead of following edges. After a committed write, once the change log has grown by
 * `STATS_MIN_CHANGES` rows and by a quarter of the records, it runs a sampled ANALYZE: the cost
 * stays geometric over a growing file while every size gets fresh statistics.
 */
export class StatsUpkeep {
  private analyzedAt: number
  private readonly head: Database.Statement
  private readonly records: Database.Statement

  constructor(private readonly db: Database.Database) {
    this.head = db.prepare('SELECT coalesce(max(seq), 0) FROM changes').pluck()
    this.records = db.prepare('SELECT coalesce(max(rid), 0) FROM records').pluck()
    this.analyzedAt = this.head.get() as number
  }

  /** Call after each commit, still holding the write lock (ANALYZE writes). */
  afterCommit(): void {
    if (this.db.inTransaction) return
    const head = this.head.get() as number
    const grown = head - this.analyzedAt
    if (grown < STATS_MIN_CHANGES || grown < (this.records.get() as number) / 4) return
    this.analyzedAt = head
    this.db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`)
    try {
      this.db.exec('ANALYZE')
    } finally {
      this.db.pragma('analysis_limit = 0')
    }
  }
}
