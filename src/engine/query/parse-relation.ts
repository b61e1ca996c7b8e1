import { badRequest } from '../errors.js'
import type { RelationSpec } from './compile-context.js'
import { isPlainObject } from './where-keys.js'

/**
 * Parses `$relation`: a type string, or `{type?: string | string[], direction?: 'in' | 'out'}`.
 * No `$relation` means any type, either direction; as in RushDB, a direction other than 'in' is out.
 */
export function parseRelation(value: unknown, path: string): RelationSpec {
  if (value === undefined) return { direction: 'any' }
  if (typeof value === 'string') return { types: [value], direction: 'any' }
  if (!isPlainObject(value)) throw badRequest(`${path}: $relation must be a type string or {type, direction}`)
  for (const key of Object.keys(value)) {
    if (key !== 'type' && key !== 'direction') throw badRequest(`${path}.${key}: unknown $relation key`)
  }
  const { type, direction } = value
  let types: string[] | undefined
  if (typeof type === 'string') types = [type]
  else if (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string')) types = type as string[]
  else if (type !== undefined) throw badRequest(`${path}.type: must be a string or a non-empty array of strings`)
  if (direction !== undefined && typeof direction !== 'string') throw badRequest(`${path}.direction: must be 'in' or 'out'`)
  return { types, direction: direction === undefined ? 'any' : direction === 'in' ? 'in' : 'out' }
}
