import type { PropertyType, PropertyValue, RecordOut } from '../types.js'

/** One property after inference: its stored value and its `__proptypes` entry. */
export interface TypedValue {
  type: PropertyType
  value: PropertyValue
}

/** A record's properties after inference, in the shape RecordStore drafts take. */
export interface TypedProps {
  props: Record<string, PropertyValue>
  proptypes: Record<string, PropertyType>
}

/** A fresh empty property set. */
export function emptyTypedProps(): TypedProps {
  return { props: {}, proptypes: {} }
}

/** Sets (or overwrites) one property. */
export function setTyped(target: TypedProps, name: string, typed: TypedValue): void {
  target.props[name] = typed.value
  target.proptypes[name] = typed.type
}

/** The wire shape of a record just written, built without reading it back. */
export function recordOut(id: string, label: string | null, typed: TypedProps): RecordOut {
  const out: RecordOut = { __id: id, __proptypes: { ...typed.proptypes } }
  if (label !== null) out.__label = label
  return Object.assign(out, typed.props)
}
