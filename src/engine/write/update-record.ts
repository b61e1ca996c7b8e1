import type { RecordStore } from '../storage/record-store.js'
import type { RecordOut } from '../types.js'
import { inferDataForm } from './infer-types.js'
import { requireRecord } from './record-lookup.js'
import { emptyTypedProps, recordOut, type TypedProps } from './typed-props.js'
import { parseRecordBody } from './validate-record-body.js'

/**
 * PATCH (`merge`) and PUT (`replace`) /records/:id (§6.2). Merge re-infers the record's existing
 * properties from their values with default options, as RushDB does (an ISO string stored as
 * `string` becomes `datetime`, a `vector` becomes `number`), then lays the body's properties over
 * them; replace keeps only the body's. The label changes only when the body has one;
 * relationships are untouched. 403 for an unknown id; validated fully before writing.
 */
export function updateRecord(store: RecordStore, id: string, body: unknown, mode: 'merge' | 'replace'): RecordOut {
  const parsed = parseRecordBody(body)
  const row = requireRecord(store, id)
  const base: TypedProps = mode === 'merge' ? inferDataForm(JSON.parse(row.props), { suggestTypes: true }) : emptyTypedProps()
  const typed: TypedProps = {
    props: { ...base.props, ...parsed.typed.props },
    proptypes: { ...base.proptypes, ...parsed.typed.proptypes }
  }
  const label = parsed.hasLabel ? parsed.label : row.label
  store.replace(row.rid, { label, props: typed.props, proptypes: typed.proptypes })
  return recordOut(row.id, label, typed)
}
