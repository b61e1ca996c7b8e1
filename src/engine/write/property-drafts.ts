import { badRequest } from '../errors.js'
import { isIsoDatetime } from '../storage/datetime.js'
import type { PropertyType, PropertyValue } from '../types.js'
import { describeValue, isPlainObject, propertyNameProblem } from './body-errors.js'
import { emptyTypedProps, type TypedProps } from './typed-props.js'

const DRAFT_TYPES: readonly PropertyType[] = ['string', 'datetime', 'boolean', 'number', 'null']
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

interface Draft {
  name: string
  type: PropertyType
  value: PropertyValue
}

const ITEM_CHECKS: Record<string, (v: unknown) => boolean> = {
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  datetime: (v) => isIsoDatetime(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  string: (v) => typeof v === 'string'
}

function valueProblem(type: PropertyType, value: unknown, separator: string | undefined, path: string): string | undefined {
  if (separator !== undefined && (type === 'string' || type === 'number' || type === 'datetime')) {
    if (type === 'datetime' && !isIsoDatetime(value)) return `"${path}" with value ${describeValue(value)} fails to match ISO8601 DateTime`
    return typeof value === 'string' && value !== '' ? undefined : `"${path}" must be a non-empty string when valueSeparator is set`
  }
  const check = ITEM_CHECKS[type]
  if (check(value) || (Array.isArray(value) && value.every(check))) return undefined
  if (type === 'datetime') return `"${path}" with value ${describeValue(value)} fails to match ISO8601 DateTime`
  return `"${path}" must be a ${type} or an array of ${type} values, got ${describeValue(value)}`
}

function parseItem(item: unknown, type: PropertyType): string | number | boolean | null {
  if (type === 'number') return Number(item)
  if (type === 'boolean') return Boolean(item)
  if (type === 'null') return null
  return String(item)
}

/** RushDB's `splitValueBySeparator` + per-piece check; booleans keep their value (v1.8 crashes there). */
function splitPieces(draft: Draft, separator: string, path: string, problems: string[]): PropertyValue {
  if (draft.type === 'boolean') return draft.value
  const pieces = String(draft.value).trim().split(separator).map((s) => s.trim()).filter((s) => s !== '')
  pieces.forEach((piece, i) => {
    if (draft.type === 'number' && !DECIMAL.test(piece)) problems.push(`"${path}[${i}]" with value ${describeValue(piece)} is not a number`)
    if (draft.type === 'datetime' && !isIsoDatetime(piece)) problems.push(`"${path}[${i}]" with value ${describeValue(piece)} fails to match ISO8601 DateTime`)
    if (draft.type === 'null') problems.push(`"${path}[${i}]" must be null, got ${describeValue(piece)}`)
  })
  return pieces.map((piece) => parseItem(piece, draft.type)) as PropertyValue
}

function parseDraft(raw: unknown, path: string, problems: string[]): Draft | undefined {
  if (!isPlainObject(raw)) {
    problems.push(`"${path}" must be of type object`)
    return undefined
  }
  const before = problems.length
  const { name, type, value, valueSeparator, metadata } = raw
  if (typeof name !== 'string') problems.push(`"${path}.name" is required and must be a string`)
  else {
    const bad = propertyNameProblem(name, `${path}.name`)
    if (bad) problems.push(bad)
  }
  if (!DRAFT_TYPES.includes(type as PropertyType)) {
    problems.push(`"${path}.type" must be one of [${DRAFT_TYPES.join(', ')}], got ${describeValue(type)}`)
  }
  if (valueSeparator !== undefined && (typeof valueSeparator !== 'string' || valueSeparator === '')) {
    problems.push(`"${path}.valueSeparator" must be a non-empty string`)
  }
  if (metadata !== undefined && !isPlainObject(metadata)) problems.push(`"${path}.metadata" must be of type object`)
  if (problems.length > before) return undefined
  const separator = valueSeparator as string | undefined
  const bad = valueProblem(type as PropertyType, value, separator, `${path}.value`)
  if (bad) {
    problems.push(bad)
    return undefined
  }
  const draft: Draft = { name: name as string, type: type as PropertyType, value: value as PropertyValue }
  if (separator !== undefined) draft.value = splitPieces(draft, separator, `${path}.value`, problems)
  else draft.value = Array.isArray(value) ? value.map((v) => parseItem(v, draft.type)) as PropertyValue : parseItem(value, draft.type)
  return draft
}

/**
 * The `properties` (PropertyDraft) form of POST/PATCH/PUT /records: validates every draft as
 * RushDB's schema and `PropertyValuesPipe` do, then merges same-name drafts into one array.
 */
export function parsePropertyDrafts(raw: unknown, problems: string[]): TypedProps {
  const typed = emptyTypedProps()
  if (!Array.isArray(raw)) {
    problems.push('"properties" must be an array')
    return typed
  }
  const drafts = raw.map((item, i) => parseDraft(item, `properties[${i}]`, problems))
  if (problems.length > 0) return typed
  for (const draft of drafts as Draft[]) {
    const seen = Object.hasOwn(typed.proptypes, draft.name) ? typed.proptypes[draft.name] : undefined
    if (seen === undefined) {
      typed.props[draft.name] = draft.value
      typed.proptypes[draft.name] = draft.type
    } else if (seen !== draft.type) {
      throw badRequest('Duplicate name found with different types.')
    } else {
      typed.props[draft.name] = ([] as unknown[]).concat(typed.props[draft.name], draft.value) as PropertyValue
    }
  }
  return typed
}
