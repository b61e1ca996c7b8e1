import { forbidden } from '../errors.js'
import { isRecordId } from '../ids.js'
import type { RecordRow, RecordStore } from '../storage/record-store.js'
import type { TypedProps } from './typed-props.js'

/** A stored record with its properties parsed, as upserts compare and merge them. */
export interface StoredRecord {
  rid: number
  id: string
  label: string | null
  typed: TypedProps
}

/** The row of an existing record, or RushDB v1.8's 403 for an unknown (or malformed) id. */
export function requireRecord(store: RecordStore, id: string): RecordRow {
  const row = isRecordId(id) ? store.rowById(id.toLowerCase()) : undefined
  if (!row) throw forbidden()
  return row
}

/**
 * The rids of the records `ids` name, in order, reading only the id index (an attach may name
 * hundreds of targets); RushDB v1.8's 403 when any is unknown or malformed.
 */
export function requireRids(store: RecordStore, ids: readonly string[]): number[] {
  return ids.map((id) => {
    const rid = isRecordId(id) ? store.ridById(id.toLowerCase()) : undefined
    if (rid === undefined) throw forbidden()
    return rid
  })
}

/** Parses a row's JSON columns. */
export function toStoredRecord(row: RecordRow): StoredRecord {
  return { rid: row.rid, id: row.id, label: row.label, typed: { props: JSON.parse(row.props), proptypes: JSON.parse(row.proptypes) } }
}
