import { hydrateRecord, type RecordStore } from '../storage/record-store.js'
import type { RecordOut } from '../types.js'
import type { ImportNode } from './import-plan.js'
import { toStoredRecord, type StoredRecord } from './record-lookup.js'
import { applyMerge, findRecordMatch, matchesOn, rootMergeKeys } from './upsert.js'
import type { TypedProps } from './typed-props.js'
import type { WriteOptions } from './write-options.js'

/**
 * Children already linked `(parent)-[:type]->(child)`, loaded once per (parent, label) and kept in
 * step with this import's writes, so matching N children of one parent costs O(N), not O(N²).
 */
class ChildIndex {
  private readonly byParent = new Map<string, StoredRecord[]>()

  constructor(
    private readonly store: RecordStore,
    private readonly type: string
  ) {}

  list(parent: number, label: string | null): StoredRecord[] {
    const key = `${parent}\u0000${label ?? '\u0001'}`
    let list = this.byParent.get(key)
    if (!list) {
      list = this.store.rowsLinkedFrom(parent, this.type, label).map(toStoredRecord)
      this.byParent.set(key, list)
    }
    return list
  }
}

/**
 * A child matches on the `mergeBy` keys it has (all its properties when `mergeBy` is empty); a
 * child with none of them matches a sibling with exactly the same properties.
 */
function findChild(siblings: StoredRecord[], incoming: TypedProps, mergeBy: readonly string[]): StoredRecord | undefined {
  const keys = rootMergeKeys(mergeBy, incoming)
  if (keys) return siblings.find((s) => matchesOn(s.typed, incoming, keys))
  const own = Object.keys(incoming.props)
  return siblings.find((s) => Object.keys(s.typed.props).length === own.length && matchesOn(s.typed, incoming, own))
}

/**
 * Writes an import plan as upserts (v1.19+ `mergeBy`/`mergeStrategy`): roots match records of their
 * label anywhere, children match among the records their (upserted) parent already links to, so
 * re-importing the same nested document duplicates neither records nor edges. Returns each
 * written record once, in BFS order of first appearance, as stored after the whole import.
 */
export function writeImportUpserting(store: RecordStore, nodes: readonly ImportNode[], relType: string, options: WriteOptions): RecordOut[] {
  const mergeBy = options.mergeBy ?? []
  const children = new ChildIndex(store, relType)
  const rids = new Array<number>(nodes.length)
  const order: number[] = []
  const seen = new Set<number>()
  for (let i = 0; i < nodes.length; i++) {
    const { label, typed, parent } = nodes[i]
    const parentRid = parent >= 0 ? rids[parent] : -1
    let match: StoredRecord | undefined
    if (parentRid < 0) {
      const keys = rootMergeKeys(options.mergeBy, typed)
      match = keys && findRecordMatch(store, label, typed, keys)
    } else {
      match = findChild(children.list(parentRid, label), typed, mergeBy)
    }
    if (match) applyMerge(store, match, typed, options.mergeStrategy)
    else {
      const { rid, id } = store.insert({ label, props: typed.props, proptypes: typed.proptypes })
      match = { rid, id, label, typed }
      if (parentRid >= 0) children.list(parentRid, label).push(match)
    }
    rids[i] = match.rid
    if (parentRid >= 0) store.link(parentRid, match.rid, relType)
    if (!seen.has(match.rid)) {
      seen.add(match.rid)
      order.push(match.rid)
    }
  }
  return order.map((rid) => hydrateRecord(store.rowByRid(rid)!))
}
