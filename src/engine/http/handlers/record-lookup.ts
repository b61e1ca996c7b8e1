import { forbidden } from '../../errors.js'
import type { RecordRow, RecordStore } from '../../storage/record-store.js'

/** The row of record `id`, or 403 as RushDB v1.8's ownership guard answers unknown ids. */
export function existingRecord(store: RecordStore, id: string): RecordRow {
  const row = store.rowById(id)
  if (!row) throw forbidden()
  return row
}
