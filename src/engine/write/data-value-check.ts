import { describeValue, isPlainObject } from './body-errors.js'

type Kind = 'null' | 'boolean' | 'number' | 'string'

function kindOf(value: unknown): Kind | undefined {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return 'boolean'
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : undefined
  if (typeof value === 'string') return 'string'
  return undefined
}

/**
 * Why a `data`-form value is invalid, or undefined when it is fine. RushDB's schema accepts null,
 * a boolean, a number, any string (datetimes included), `[]`, or an array of one of those kinds.
 */
export function dataValueProblem(value: unknown, path: string): string | undefined {
  if (kindOf(value) !== undefined) return undefined
  if (isPlainObject(value)) {
    return `"${path}" must not be a nested object (the data form takes flat records; import nested JSON instead)`
  }
  if (!Array.isArray(value)) return `"${path}" must be null, a boolean, a finite number or a string, got ${describeValue(value)}`
  if (value.length === 0) return undefined
  const first = kindOf(value[0])
  for (let i = 0; i < value.length; i++) {
    const kind = kindOf(value[i])
    if (kind === undefined) return `"${path}[${i}]" must be null, a boolean, a finite number or a string, got ${describeValue(value[i])}`
    if (kind !== first) return `"${path}" must be an array of one kind of value, but mixes ${first} and ${kind}`
  }
  return undefined
}
