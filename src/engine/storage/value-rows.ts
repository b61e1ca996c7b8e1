import type { PropertyType } from '../types.js'
import { datetimeToEpoch } from './datetime.js'

/** One row of the `vals` table: how a single property value (or array element) is indexed. */
export interface ValueRow {
  name: string
  type: PropertyType
  /** Element index; -1 marks an empty array (the property exists but has no element). */
  pos: number
  v: string | number | null
  ts: number | null
}

/** Receives one encoded `vals` row (rid aside): how `forEachValueRow` hands rows out without building them. */
export type ValueRowSink = (name: string, type: PropertyType, pos: number, v: string | number | null, ts: number | null) => void

/**
 * Encodes a typed property into `vals` rows. Booleans become 1/0 (queries always check the type
 * too), datetimes keep their original text in `v` and their instant in `ts`, nulls are SQL NULL.
 */
export function valueRows(name: string, type: PropertyType, value: unknown): ValueRow[] {
  const rows: ValueRow[] = []
  forEachValueRow(name, type, value, (n, t, pos, v, ts) => rows.push({ name: n, type: t, pos, v, ts }))
  return rows
}

/**
 * The rows of `valueRows`, passed one by one to `sink`: the write path inserts each directly
 * (no row object or array per value; a bulk import encodes ~6 values per record).
 */
export function forEachValueRow(name: string, type: PropertyType, value: unknown, sink: ValueRowSink): void {
  if (!Array.isArray(value)) return sink(name, type, 0, encodedValue(value), encodedInstant(type, value))
  if (value.length === 0) return sink(name, type, -1, null, null)
  for (let pos = 0; pos < value.length; pos++) sink(name, type, pos, encodedValue(value[pos]), encodedInstant(type, value[pos]))
}

function encodedValue(item: unknown): string | number | null {
  if (item === null || item === undefined) return null
  if (typeof item === 'boolean') return item ? 1 : 0
  if (typeof item === 'number') return item
  return String(item)
}

function encodedInstant(type: PropertyType, item: unknown): number | null {
  if (type !== 'datetime' || item === null || item === undefined || typeof item === 'boolean' || typeof item === 'number') return null
  return datetimeToEpoch(String(item)) ?? null
}
