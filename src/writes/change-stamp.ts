import type { RecordShape } from '../builder.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { canonicalDateTime, sameValue, type Props } from './property-values.js'

/**
 * The field a type declares to say when a record last changed. RushDB keeps no modification time
 * (ids encode creation only), so BI tools pull increments by this field: the gateway stamps it on
 * every write that changes a record of such a type and does not set it itself.
 */
export const CHANGE_STAMP_FIELD = 'updatedAt'

/** The write time, in the canonical stored form of a DateTime. */
export function writeTime(): string {
  return canonicalDateTime(new Date())
}

/** True when writing `props` over `stored` (undefined: a new record) changes a value. */
export function changesRecord(props: Props, stored: RecordShape | undefined): boolean {
  if (!stored) return true
  return Object.entries(props).some(([k, v]) => !(k in stored) || !sameValue(stored[k], v))
}

/**
 * `props` with the change stamp added when the type declares it and the write does not set it; the
 * caller stamps only writes that change something, so re-sending the same data keeps the stamp.
 */
export function stampChange(mapping: TypeMapping | undefined, props: Props, now: string): Props {
  const property = changeStampProperty(mapping)
  return property === undefined || property in props ? props : { ...props, [property]: now }
}

/** The stored property of a type's change stamp, or undefined when the type declares none. */
export function changeStampProperty(mapping: TypeMapping | undefined): string | undefined {
  const field = mapping?.fields[CHANGE_STAMP_FIELD]
  return field && field.kind === 'DateTime' ? (field.property ?? CHANGE_STAMP_FIELD) : undefined
}
