import type { RecordStore } from '../storage/record-store.js'
import { DEFAULT_RELATION_TYPE, type RecordOut } from '../types.js'
import { assertNoProblems, invalidBody, isPlainObject } from './body-errors.js'
import { planImport, type ImportNode } from './import-plan.js'
import { writeImportUpserting } from './import-upsert.js'
import { recordOut } from './typed-props.js'
import { parseLabel } from './validate-record-body.js'
import { assertNoDisallowedKeys } from './write-guard.js'
import { isUpsert, parseWriteOptions } from './write-options.js'

/** The hot path: one insert per record and one per edge, no reads. */
function writeImportPlain(store: RecordStore, nodes: readonly ImportNode[], relType: string): RecordOut[] {
  const rids = new Array<number>(nodes.length)
  const out = new Array<RecordOut>(nodes.length)
  for (let i = 0; i < nodes.length; i++) {
    const { label, typed, parent } = nodes[i]
    const { rid, id } = store.insert({ label, props: typed.props, proptypes: typed.proptypes })
    rids[i] = rid
    if (parent >= 0) store.link(rids[parent], rid, relType)
    out[i] = recordOut(id, label, typed)
  }
  return out
}

/**
 * POST /records/import/json `{label?, data: object | object[], options?}`: nested JSON becomes
 * records linked `(parent)-[:TYPE]->(child)` (§4.1). Returns every created (or upserted) record,
 * roots and children, in BFS order; the HTTP layer decides whether to answer `true` instead.
 * Validates the whole payload before writing anything.
 */
export function importJson(store: RecordStore, body: unknown): RecordOut[] {
  assertNoDisallowedKeys(body)
  if (!isPlainObject(body)) throw invalidBody(['"value" must be of type object'])
  const problems: string[] = []
  const { label } = parseLabel(body, problems)
  const options = parseWriteOptions(body.options, problems, { suggestTypes: true, returnResult: false })
  const data = body.data
  if (!isPlainObject(data) && !Array.isArray(data)) problems.push('"data" must be an object or an array of objects')
  else if (Array.isArray(data)) {
    data.forEach((item, i) => {
      if (!isPlainObject(item)) problems.push(`"data[${i}]" must be of type object`)
    })
  }
  assertNoProblems(problems)
  const nodes = planImport(data as Record<string, unknown>, label, options)
  const relType = options.relationshipType?.trim() || DEFAULT_RELATION_TYPE
  return isUpsert(options) ? writeImportUpserting(store, nodes, relType, options) : writeImportPlain(store, nodes, relType)
}
