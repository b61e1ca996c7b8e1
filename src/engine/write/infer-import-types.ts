import type { PropertyValue } from '../types.js'
import { suggestPropertyType } from './infer-types.js'
import type { TypedValue } from './typed-props.js'

/** The options the import path honours when typing a value (v1.8 `import.service.ts parsePrimitive`). */
export interface ImportTypeOptions {
  suggestTypes?: boolean
  castNumberArraysToVectors?: boolean
  convertNumericValuesToNumbers?: boolean
}

/** RushDB's `isNumeric`: a finite number, or a non-blank string `Number()` reads as finite ("0x1A", " 12 "). */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value)
  if (typeof value === 'string') return value.trim() !== '' && Number.isFinite(Number(value))
  return false
}

type Item = string | number | boolean | null

function inferImportArray(value: Item[], options: ImportTypeOptions): TypedValue {
  if (!options.suggestTypes) return { type: 'string', value: value.map(String) }
  if (value.length === 0) return { type: 'string', value: [] }
  const allNumeric = value.every(isNumeric)
  if (options.castNumberArraysToVectors && allNumeric) return { type: 'vector', value: value.map(Number) }
  if (options.convertNumericValuesToNumbers && allNumeric) return { type: 'number', value: value.map(Number) }
  const first = value[0]
  const consistent = value.every((item) => typeof item === typeof first)
  if (!consistent && !options.castNumberArraysToVectors && !allNumeric) return { type: 'string', value: value.map(String) }
  // Engine choice: RushDB stores the null sentinel for every element here; we store real nulls.
  if (first === null) return { type: 'null', value: value.map(() => null) }
  // Kept as is, typed by the first element: [1, "2"] is a `number` array holding a string.
  return { type: suggestPropertyType(first), value }
}

/** Types one primitive (or primitive array) of an imported object exactly as RushDB v1.8 does (§3.4). */
export function inferImportValue(value: PropertyValue, options: ImportTypeOptions): TypedValue {
  if (Array.isArray(value)) return inferImportArray(value, options)
  if (!options.suggestTypes) return { type: 'string', value: String(value) }
  if (options.convertNumericValuesToNumbers && isNumeric(value)) return { type: 'number', value: Number(value) }
  return { type: suggestPropertyType(value), value }
}
