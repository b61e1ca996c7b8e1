import type Database from 'better-sqlite3'
import { expect } from 'vitest'
import { EngineError } from '../../src/engine/errors.js'
import { openDatabase } from '../../src/engine/storage/open-database.js'
import { hydrateRecord, RecordStore } from '../../src/engine/storage/record-store.js'
import type { RecordOut } from '../../src/engine/types.js'

/** A fresh in-memory engine database and its store. */
export function setup(): { db: Database.Database; store: RecordStore } {
  const db = openDatabase({ path: ':memory:' })
  return { db, store: new RecordStore(db) }
}

/** A record as stored, read back by id. */
export function read(store: RecordStore, id: string): RecordOut {
  const row = store.rowById(id)
  if (!row) throw new Error(`no record ${id}`)
  return hydrateRecord(row)
}

/** Row counts of the three tables. */
export function counts(db: Database.Database): { records: number; vals: number; rels: number } {
  return db.prepare('SELECT (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM vals) AS vals, (SELECT count(*) FROM rels) AS rels').get() as {
    records: number
    vals: number
    rels: number
  }
}

/** Every edge as public ids, sorted. */
export function edges(db: Database.Database): Array<{ src: string; dst: string; type: string }> {
  return db
    .prepare('SELECT s.id AS src, d.id AS dst, e.type AS type FROM rels e JOIN records s ON s.rid = e.src JOIN records d ON d.rid = e.dst ORDER BY s.id, d.id, e.type')
    .all() as Array<{ src: string; dst: string; type: string }>
}

/** The vals rows of one record, ordered by name then position. */
export function valsOf(db: Database.Database, id: string): Array<{ name: string; type: string; pos: number; v: unknown; ts: number | null }> {
  return db
    .prepare('SELECT v.name, v.type, v.pos, v.v, v.ts FROM vals v JOIN records r ON r.rid = v.rid WHERE r.id = ? ORDER BY v.name, v.pos')
    .all(id) as Array<{ name: string; type: string; pos: number; v: unknown; ts: number | null }>
}

/** Asserts `fn` throws an EngineError with `status` whose message contains `message`. */
export function expectEngineError(fn: () => unknown, status: number, message?: string): EngineError {
  let caught: unknown
  try {
    fn()
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(EngineError)
  const error = caught as EngineError
  expect(error.status).toBe(status)
  if (message !== undefined) expect(error.message).toContain(message)
  return error
}

/** Asserts `fn` is rejected with `status` and leaves every table exactly as it was. */
export function expectRejectedWithoutWrites(db: Database.Database, fn: () => unknown, status: number, message?: string): EngineError {
  const before = counts(db)
  const snapshot = db.prepare('SELECT id, label, props, proptypes FROM records ORDER BY rid').all()
  const error = expectEngineError(fn, status, message)
  expect(counts(db)).toEqual(before)
  expect(db.prepare('SELECT id, label, props, proptypes FROM records ORDER BY rid').all()).toEqual(snapshot)
  return error
}
