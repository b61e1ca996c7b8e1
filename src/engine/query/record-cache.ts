import type Database from 'better-sqlite3'
import type { RecordOut } from '../types.js'
import { hydrateRecord, type RecordRow } from '../storage/record-store.js'
import { prepareCached } from './statement-cache.js'

/** Hydrated records by rid, loaded in batches and kept for the duration of one search. */
export class RecordCache {
  private readonly records = new Map<number, RecordOut>()
  private readonly rids = new Map<string, number>()

  constructor(private readonly db: Database.Database) {}

  /** Adds already-read rows (the page) to the cache. */
  addRows(rows: RecordRow[]): void {
    for (const row of rows) {
      this.records.set(row.rid, hydrateRecord(row))
      this.rids.set(row.id, row.rid)
    }
  }

  /** Loads every rid not cached yet in one statement. */
  load(rids: Iterable<number>): void {
    const missing = [...new Set(rids)].filter((rid) => !this.records.has(rid))
    if (missing.length === 0) return
    const stmt = prepareCached(this.db, 'SELECT rid, id, label, props, proptypes FROM records WHERE rid IN (SELECT value FROM json_each(?))')
    this.addRows(stmt.all(JSON.stringify(missing)) as RecordRow[])
  }

  /** The rid of a cached record's public id. */
  ridOf(id: string): number {
    return this.rids.get(id)!
  }

  /** The record for a rid (loading it if needed). */
  get(rid: number): RecordOut {
    if (!this.records.has(rid)) this.load([rid])
    return this.records.get(rid)!
  }
}
