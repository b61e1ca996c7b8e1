import type { PropertyValue } from '../types.js'
import { assertNoProblems, invalidBody, isPlainObject, propertyNameProblem } from './body-errors.js'
import { dataValueProblem } from './data-value-check.js'
import { inferDataForm } from './infer-types.js'
import { parsePropertyDrafts } from './property-drafts.js'
import { emptyTypedProps, type TypedProps } from './typed-props.js'
import { assertNoDisallowedKeys } from './write-guard.js'
import { parseWriteOptions, type WriteOptions } from './write-options.js'

/** A validated POST/PATCH/PUT /records body with its properties already typed. */
export interface RecordBody {
  /** False when the body has no `label`: PATCH/PUT then keep the record's label. */
  hasLabel: boolean
  label: string | null
  typed: TypedProps
  options: WriteOptions
}

/** Reads an optional `label` (Joi `string()`: a non-empty string when present). */
export function parseLabel(body: Record<string, unknown>, problems: string[]): { hasLabel: boolean; label: string | null } {
  const label = body.label
  if (label === undefined) return { hasLabel: false, label: null }
  if (typeof label !== 'string') problems.push('"label" must be a string')
  else if (label === '') problems.push('"label" is not allowed to be empty')
  return { hasLabel: true, label: typeof label === 'string' ? label : null }
}

function checkData(data: unknown, problems: string[]): data is Record<string, PropertyValue> {
  if (!isPlainObject(data)) {
    problems.push('"data" must be of type object')
    return false
  }
  const before = problems.length
  for (const [name, value] of Object.entries(data)) {
    const path = `data.${name}`
    const problem = propertyNameProblem(name, path) ?? (value === undefined ? undefined : dataValueProblem(value, path))
    if (problem) problems.push(problem)
  }
  return problems.length === before
}

/**
 * Validates a record body — `{label?, data?, options?}` or `{label?, properties: PropertyDraft[]}`
 * (`properties` wins when both are sent, as in RushDB's pipe) — and types its properties.
 * Throws 400 listing every problem; nothing has been written when it throws.
 */
export function parseRecordBody(body: unknown): RecordBody {
  assertNoDisallowedKeys(body)
  if (!isPlainObject(body)) throw invalidBody(['"value" must be of type object'])
  const problems: string[] = []
  const { hasLabel, label } = parseLabel(body, problems)
  const options = parseWriteOptions(body.options, problems, { suggestTypes: true })
  let typed: TypedProps = emptyTypedProps()
  if (body.properties !== undefined) typed = parsePropertyDrafts(body.properties, problems)
  else if (body.data !== undefined && checkData(body.data, problems)) typed = inferDataForm(body.data, options)
  assertNoProblems(problems)
  return { hasLabel, label, typed, options }
}
