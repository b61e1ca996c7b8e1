import type { RecordStore } from '../storage/record-store.js'
import type { RecordOut } from '../types.js'
import { recordOut } from './typed-props.js'
import { applyMerge, findRecordMatch, rootMergeKeys } from './upsert.js'
import { parseRecordBody } from './validate-record-body.js'
import { isUpsert } from './write-options.js'

/**
 * POST /records: `{label, data, options?}` or `{label, properties}`. With `options.mergeBy` or
 * `options.mergeStrategy` (v1.19+ upsert) an existing record with the same label and equal
 * `mergeBy` values is updated in place instead. Validates everything before writing.
 */
export function createRecord(store: RecordStore, body: unknown): RecordOut {
  const { label, typed, options } = parseRecordBody(body)
  if (isUpsert(options)) {
    const keys = rootMergeKeys(options.mergeBy, typed)
    const match = keys && findRecordMatch(store, label, typed, keys)
    if (match) {
      const merged = applyMerge(store, match, typed, options.mergeStrategy)
      return recordOut(merged.id, merged.label, merged.typed)
    }
  }
  const { id } = store.insert({ label, props: typed.props, proptypes: typed.proptypes })
  return recordOut(id, label, typed)
}
