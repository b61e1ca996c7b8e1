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

/**
 * Encodes a typed property into `vals` rows. Booleans become 1/0 (queries always check the type
 * too), datetimes keep their original text in `v` and their instant in `ts`, nulls are SQL NULL.
 */
export function valueRows(name: string, type: PropertyType, value: unknown): ValueRow[] {
  const items = Array.isArray(value) ? value : [value]
  if (items.length === 0) return [{ name, type, pos: -1, v: null, ts: null }]
  return items.map((item, pos) => encodeItem(name, type, item, pos))
}

function encodeItem(name: string, type: PropertyType, item: unknown, pos: number): ValueRow {
  if (item === null || item === undefined) return { name, type, pos, v: null, ts: null }
  if (typeof item === 'boolean') return { name, type, pos, v: item ? 1 : 0, ts: null }
  if (typeof item === 'number') return { name, type, pos, v: item, ts: null }
  const text = String(item)
  return { name, type, pos, v: text, ts: type === 'datetime' ? (datetimeToEpoch(text) ?? null) : null }
}
