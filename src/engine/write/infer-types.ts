import { isIsoDatetime } from '../storage/datetime.js'
import type { PropertyType, PropertyValue } from '../types.js'
import { emptyTypedProps, setTyped, type TypedProps, type TypedValue } from './typed-props.js'

/** The options the `data` form of POST/PATCH/PUT /records honours (v1.8 `prepareProperties`). */
export interface DataFormOptions {
  suggestTypes?: boolean
  castNumberArraysToVectors?: boolean
}

/** RushDB's `suggestPropertyType`: the type a single value would get with type suggestion on. */
export function suggestPropertyType(value: unknown): PropertyType {
  if (typeof value === 'string') return isIsoDatetime(value) ? 'datetime' : 'string'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  if (value === null) return 'null'
  return 'string'
}

function inferArray(value: Array<string | number | boolean | null>, options: DataFormOptions): TypedValue {
  if (value.length === 0) return { type: 'string', value: [] }
  const first = value[0]
  const consistent = value.every((item) => typeof item === typeof first)
  if (!consistent || !options.suggestTypes) return { type: 'string', value: value.map(String) }
  const type = suggestPropertyType(first)
  if (options.castNumberArraysToVectors && type === 'number') return { type: 'vector', value }
  // The first element decides, as in RushDB: ["2024-01-01T00:00:00Z", "x"] is a datetime array.
  return { type, value }
}

/** Types one `data`-form value exactly as RushDB v1.8 does (§3.3); the value must already be valid. */
export function inferDataValue(value: PropertyValue, options: DataFormOptions): TypedValue {
  if (Array.isArray(value)) return inferArray(value, options)
  if (!options.suggestTypes) return { type: 'string', value: String(value) }
  // Engine choice: a null is stored as a real null typed `null` (v1.8 drops the key).
  return { type: suggestPropertyType(value), value }
}

/** Types every property of a validated flat `data` object. */
export function inferDataForm(data: Record<string, PropertyValue>, options: DataFormOptions): TypedProps {
  const typed = emptyTypedProps()
  for (const [name, value] of Object.entries(data)) {
    if (value === undefined) continue
    setTyped(typed, name, inferDataValue(value, options))
  }
  return typed
}
