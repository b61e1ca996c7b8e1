import type Database from 'better-sqlite3'
import { newId } from '../ids.js'
import type { PropertyType, RecordOut } from '../types.js'
import { forEachValueRow, type ValueRowSink } from './value-rows.js'

/** A `records` row as read from SQLite. */
export interface RecordRow {
  rid: number
  id: string
  label: string | null
  props: string
  proptypes: string
}

/** A record to write: its label and typed properties (values already inferred). */
export interface RecordDraft {
  label: string | null
  props: Record<string, unknown>
  proptypes: Record<string, PropertyType>
}

/** Turns a stored row into the JSON shape RushDB returns. */
export function hydrateRecord(row: RecordRow): RecordOut {
  const out: RecordOut = { __id: row.id, __proptypes: JSON.parse(row.proptypes) }
  if (row.label !== null) out.__label = row.label
  return Object.assign(out, JSON.parse(row.props))
}

/**
 * Low-level record storage over one connection: prepared statements for the hot paths, each
 * method a few SQL statements. Callers own transactions; nothing here opens one.
 */
export class RecordStore {
  private readonly stmts
  /** The record `insertValue` writes for (one bound sink instead of a closure per record). */
  private valueRid = 0
  private readonly insertValue: ValueRowSink = (name, type, pos, v, ts) => {
    this.stmts.insertValue.run(this.valueRid, name, type, pos, v, ts)
  }

  constructor(readonly db: Database.Database) {
    this.stmts = {
      insertRecord: db.prepare('INSERT INTO records (id, label, props, proptypes) VALUES (?, ?, ?, ?)'),
      insertValue: db.prepare('INSERT INTO vals (rid, name, type, pos, v, ts) VALUES (?, ?, ?, ?, ?, ?)'),
      deleteValues: db.prepare('DELETE FROM vals WHERE rid = ?'),
      updateRecord: db.prepare('UPDATE records SET label = ?, props = ?, proptypes = ? WHERE rid = ?'),
      byId: db.prepare('SELECT rid, id, label, props, proptypes FROM records WHERE id = ?'),
      byRid: db.prepare('SELECT rid, id, label, props, proptypes FROM records WHERE rid = ?'),
      ridById: db.prepare('SELECT rid FROM records WHERE id = ?').pluck(),
      deleteRecord: db.prepare('DELETE FROM records WHERE rid = ?'),
      deleteRelsFrom: db.prepare('DELETE FROM rels WHERE src = ?'),
      deleteRelsTo: db.prepare('DELETE FROM rels WHERE dst = ?'),
      insertRel: db.prepare('INSERT OR IGNORE INTO rels (src, dst, type) VALUES (?, ?, ?)'),
      deleteRel: db.prepare('DELETE FROM rels WHERE src = ? AND dst = ? AND type = ?'),
      deleteRelsBetween: db.prepare('DELETE FROM rels WHERE src = ? AND dst = ?'),
      deleteManyValues: db.prepare('DELETE FROM vals WHERE rid IN (SELECT value FROM json_each(?))'),
      deleteManyRelsFrom: db.prepare('DELETE FROM rels WHERE src IN (SELECT value FROM json_each(?))'),
      deleteManyRelsTo: db.prepare('DELETE FROM rels WHERE dst IN (SELECT value FROM json_each(?))'),
      deleteManyRecords: db.prepare('DELETE FROM records WHERE rid IN (SELECT value FROM json_each(?))'),
      byValue: db.prepare(
        `SELECT r.rid, r.id, r.label, r.props, r.proptypes FROM vals v CROSS JOIN records r ON r.rid = v.rid
         WHERE v.name = ? AND v.type = ? AND v.v IS ? AND v.pos = ? AND r.label IS ? ORDER BY v.rid`
      ),
      linkedTo: db.prepare(
        `SELECT r.rid, r.id, r.label, r.props, r.proptypes FROM rels e CROSS JOIN records r ON r.rid = e.dst
         WHERE e.src = ? AND e.type = ? AND r.label IS ? ORDER BY e.dst`
      ),
    }
  }

  /** Inserts a record and its value rows; returns its internal rid and public id. */
  insert(draft: RecordDraft): { rid: number; id: string } {
    const id = newId()
    const info = this.stmts.insertRecord.run(id, draft.label, JSON.stringify(draft.props), JSON.stringify(draft.proptypes))
    const rid = Number(info.lastInsertRowid)
    this.writeValues(rid, draft)
    return { rid, id }
  }

  /** Replaces a record's label and every property with `draft` (relationships untouched). */
  replace(rid: number, draft: RecordDraft): void {
    this.stmts.updateRecord.run(draft.label, JSON.stringify(draft.props), JSON.stringify(draft.proptypes), rid)
    this.stmts.deleteValues.run(rid)
    this.writeValues(rid, draft)
  }

  /** Deletes a record with its values and its own relationships (no cascade to neighbours). */
  delete(rid: number): void {
    this.stmts.deleteValues.run(rid)
    this.stmts.deleteRelsFrom.run(rid)
    this.stmts.deleteRelsTo.run(rid)
    this.stmts.deleteRecord.run(rid)
  }

  /** Creates the edge `(src)-[:type]->(dst)` unless it already exists. */
  link(src: number, dst: number, type: string): void {
    this.stmts.insertRel.run(src, dst, type)
  }

  /** Removes the edge `(src)-[:type]->(dst)` if it exists. */
  unlink(src: number, dst: number, type: string): void {
    this.stmts.deleteRel.run(src, dst, type)
  }

  /** Removes every edge `(src)-[]->(dst)`, whatever its type. */
  unlinkAll(src: number, dst: number): void {
    this.stmts.deleteRelsBetween.run(src, dst)
  }

  /** Deletes many records as `delete` does, in four set statements; returns how many existed. */
  deleteMany(rids: readonly number[]): number {
    if (rids.length === 0) return 0
    const list = JSON.stringify(rids)
    this.stmts.deleteManyValues.run(list)
    this.stmts.deleteManyRelsFrom.run(list)
    this.stmts.deleteManyRelsTo.run(list)
    return this.stmts.deleteManyRecords.run(list).changes
  }

  /**
   * Records with `label` (null: unlabelled) holding the encoded value `v` at element `pos` of
   * property `name` typed `type`, oldest first: the candidates of an upsert match (vals index).
   * Lazy, so a caller can stop at the first match; finish or break before writing.
   */
  rowsByValue(label: string | null, name: string, type: string, v: string | number | null, pos: number): IterableIterator<RecordRow> {
    return this.stmts.byValue.iterate(name, type, v, pos, label) as IterableIterator<RecordRow>
  }

  /** Records with `label` that `(src)-[:type]->` points at, oldest first. */
  rowsLinkedFrom(src: number, type: string, label: string | null): RecordRow[] {
    return this.stmts.linkedTo.all(src, type, label) as RecordRow[]
  }

  /** The row for a public id, or undefined. */
  rowById(id: string): RecordRow | undefined {
    return this.stmts.byId.get(id) as RecordRow | undefined
  }

  /** The rid of a public id, or undefined: the index alone, without copying the row's JSON. */
  ridById(id: string): number | undefined {
    return this.stmts.ridById.get(id) as number | undefined
  }

  /** The row for an internal rid, or undefined. */
  rowByRid(rid: number): RecordRow | undefined {
    return this.stmts.byRid.get(rid) as RecordRow | undefined
  }

  private writeValues(rid: number, draft: RecordDraft): void {
    const { props, proptypes } = draft
    this.valueRid = rid
    for (const name of Object.keys(proptypes)) {
      if (name in props) forEachValueRow(name, proptypes[name], props[name], this.insertValue)
    }
  }

}
