import type { RecordStore } from '../storage/record-store.js'
import { requireRecord } from './record-lookup.js'

/** DELETE /records/:id: the record, its values and its own relationships (no cascade). 403 if unknown. */
export function deleteRecordById(store: RecordStore, id: string): void {
  store.delete(requireRecord(store, id).rid)
}

/**
 * Deletes the records with these internal ids (e.g. a delete-by-query's matches) with their values
 * and own relationships; related records survive. Returns how many records were deleted.
 */
export function deleteRecordsByRids(store: RecordStore, rids: number[]): number {
  return store.deleteMany([...new Set(rids)])
}
