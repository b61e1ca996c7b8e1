/** Logical grouping keys, valid at record level and inside a field criterion. */
export const LOGICAL_KEYS = new Set(['$and', '$or', '$not', '$nor', '$xor'])

/** Comparison operators on a property value. */
export const COMPARISON_KEYS = new Set([
  '$gt', '$gte', '$lt', '$lte', '$ne', '$in', '$nin', '$contains', '$startsWith', '$endsWith', '$exists', '$type', '$vector'
])

/** Components of a datetime object value (`{$year, $month, …}`). */
export const DATETIME_KEYS = new Set([
  '$year', '$month', '$day', '$hour', '$minute', '$second', '$millisecond', '$microsecond', '$nanosecond'
])

/** Keys that belong to a related-record block rather than to its criteria. */
export const BLOCK_KEYS = new Set(['$relation', '$alias'])

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** True for a datetime component object such as `{ $year: 2024, $month: 5 }`. */
export function isDatetimeObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.includes('$year') && keys.every((k) => DATETIME_KEYS.has(k))
}

/**
 * True when a `where` value is a property criterion made only of operator keys (RushDB's
 * isPropertyCriteria, recursively through logical operands); any other object, `{}` included, is a related-record block.
 */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => {
    if (COMPARISON_KEYS.has(k) || DATETIME_KEYS.has(k)) return true
    return LOGICAL_KEYS.has(k) && logicalOperands(value[k]).every((o) => !isPlainObject(o) || isOperatorObject(o))
  })
}

/** The operands of a logical operator: an array as is, an object split into one object per key. */
export function logicalOperands(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (isPlainObject(value)) return Object.entries(value).map(([k, v]) => ({ [k]: v }))
  return [value]
}
