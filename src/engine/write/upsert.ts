import type { RecordStore } from '../storage/record-store.js'
import { valueRows } from '../storage/value-rows.js'
import type { PropertyValue } from '../types.js'
import { toStoredRecord, type StoredRecord } from './record-lookup.js'
import type { TypedProps } from './typed-props.js'
import type { MergeStrategy } from './write-options.js'

function valueEquals(a: PropertyValue, b: PropertyValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => item === b[i])
  return a === b
}

/** True when `candidate` holds every one of `keys` with the same type and value as `incoming`. */
export function matchesOn(candidate: TypedProps, incoming: TypedProps, keys: readonly string[]): boolean {
  return keys.every(
    (key) =>
      Object.hasOwn(candidate.props, key) &&
      candidate.proptypes[key] === incoming.proptypes[key] &&
      valueEquals(candidate.props[key], incoming.props[key])
  )
}

/**
 * The keys a top-level upsert matches on: the `mergeBy` keys the incoming record has (every
 * incoming property when `mergeBy` is empty). Undefined when that leaves none, so the record is
 * created. (RushDB requires every `mergeBy` key; using the ones present lets one `mergeBy` list
 * serve every label of a nested import.)
 */
export function rootMergeKeys(mergeBy: readonly string[] | undefined, incoming: TypedProps): string[] | undefined {
  const keys = mergeBy && mergeBy.length > 0 ? mergeBy.filter((key) => Object.hasOwn(incoming.props, key)) : Object.keys(incoming.props)
  return keys.length > 0 ? keys : undefined
}

/** The oldest record with `label` equal to `incoming` on `keys`, found through the vals index. */
export function findRecordMatch(store: RecordStore, label: string | null, incoming: TypedProps, keys: readonly string[]): StoredRecord | undefined {
  const probe = keys[0]
  const [row] = valueRows(probe, incoming.proptypes[probe], incoming.props[probe])
  for (const candidate of store.rowsByValue(label, row.name, row.type, row.v, row.pos)) {
    const stored = toStoredRecord(candidate)
    if (matchesOn(stored.typed, incoming, keys)) return stored
  }
  return undefined
}

/** What a matched record becomes: `append` merges (incoming wins), `rewrite` replaces. */
export function mergeInto(existing: TypedProps, incoming: TypedProps, strategy: MergeStrategy | undefined): TypedProps {
  if (strategy === 'rewrite') return incoming
  return { props: { ...existing.props, ...incoming.props }, proptypes: { ...existing.proptypes, ...incoming.proptypes } }
}

/** Writes `merged` over a matched record (label unchanged) and keeps `match` in step with it. */
export function applyMerge(store: RecordStore, match: StoredRecord, incoming: TypedProps, strategy: MergeStrategy | undefined): StoredRecord {
  const merged = mergeInto(match.typed, incoming, strategy)
  store.replace(match.rid, { label: match.label, props: merged.props, proptypes: merged.proptypes })
  match.typed = merged
  return match
}
