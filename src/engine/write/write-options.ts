import { describeValue, isPlainObject } from './body-errors.js'

/** How an existing record is updated when an upsert finds it. */
export type MergeStrategy = 'append' | 'rewrite'

/** The `options` of a create, import, update or set body (unknown keys are ignored, as in RushDB). */
export interface WriteOptions {
  suggestTypes?: boolean
  castNumberArraysToVectors?: boolean
  convertNumericValuesToNumbers?: boolean
  capitalizeLabels?: boolean
  relationshipType?: string
  returnResult?: boolean
  mergeBy?: string[]
  mergeStrategy?: MergeStrategy
}

const BOOLEAN_KEYS = [
  'suggestTypes',
  'castNumberArraysToVectors',
  'convertNumericValuesToNumbers',
  'capitalizeLabels',
  'returnResult'
] as const

/**
 * Validates `raw` options (Joi with `convert: false`: `"true"` is not a boolean) and returns them.
 * `defaults` apply only when `options` is absent altogether: RushDB v1.8's defaulting, under which
 * `options: {returnResult: true}` turns type suggestion off.
 */
export function parseWriteOptions(raw: unknown, problems: string[], defaults: WriteOptions): WriteOptions {
  if (raw === undefined) return { ...defaults }
  if (!isPlainObject(raw)) {
    problems.push('"options" must be of type object')
    return {}
  }
  const out: WriteOptions = {}
  for (const key of BOOLEAN_KEYS) {
    const value = raw[key]
    if (value === undefined) continue
    if (typeof value === 'boolean') out[key] = value
    else problems.push(`"options.${key}" must be a boolean`)
  }
  if (raw.relationshipType !== undefined) {
    if (typeof raw.relationshipType === 'string') out.relationshipType = raw.relationshipType
    else problems.push('"options.relationshipType" must be a string')
  }
  parseMergeOptions(raw, out, problems)
  return out
}

function parseMergeOptions(raw: Record<string, unknown>, out: WriteOptions, problems: string[]): void {
  const { mergeBy, mergeStrategy } = raw
  if (mergeStrategy !== undefined) {
    if (mergeStrategy === 'append' || mergeStrategy === 'rewrite') out.mergeStrategy = mergeStrategy
    else problems.push(`"options.mergeStrategy" must be one of [append, rewrite], got ${describeValue(mergeStrategy)}`)
  }
  if (mergeBy === undefined) return
  if (!Array.isArray(mergeBy)) {
    problems.push('"options.mergeBy" must be an array')
    return
  }
  mergeBy.forEach((key, i) => {
    if (typeof key !== 'string') problems.push(`"options.mergeBy[${i}]" must be a string`)
    else if (key.length < 1 || key.length > 100) problems.push(`"options.mergeBy[${i}]" length must be 1 to 100 characters`)
  })
  out.mergeBy = mergeBy as string[]
}

/** True when the options ask for an upsert (v1.19+): `mergeBy` given, or a `mergeStrategy`. */
export function isUpsert(options: WriteOptions): boolean {
  return options.mergeStrategy !== undefined || Array.isArray(options.mergeBy)
}
