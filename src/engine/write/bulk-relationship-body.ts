import { badRequest, EngineError } from '../errors.js'
import { validateSearchQuery } from '../query/validate-search-query.js'
import { describeValue, isPlainObject } from './body-errors.js'
import type { Direction } from './relationship-body.js'

/** Relationship types are written into RushDB's Cypher as they are, so only names are accepted. */
const RELATION_TYPE = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/

/** One side of a bulk link: a label, the property joined on, and a where narrowing it. */
export interface BulkSide {
  label: string
  key: string | undefined
  where: Record<string, unknown> | undefined
}

/** A validated create-many / delete-many body. */
export interface BulkRelationshipBody {
  source: BulkSide
  target: BulkSide
  /** Undefined: the default type (create) or every type (delete). */
  type: string | undefined
  /** Undefined only for delete-many (both directions). */
  direction: Direction | undefined
  /** Cartesian mode: every source record with every target record. */
  manyToMany: boolean
}

function parseSide(raw: unknown, name: 'source' | 'target'): BulkSide {
  if (!isPlainObject(raw)) throw badRequest(`${name}: must be an object {label, key?, where?}, got ${describeValue(raw)}`)
  const { label, key, where } = raw
  if (typeof label !== 'string' || label === '') throw badRequest(`${name}.label: is required (a non-empty string), got ${describeValue(label)}`)
  if (key !== undefined && (typeof key !== 'string' || key === '')) throw badRequest(`${name}.key: must be a non-empty property name, got ${describeValue(key)}`)
  if (where !== undefined && !isPlainObject(where)) throw badRequest(`${name}.where: must be an object, got ${describeValue(where)}`)
  // Compiled once here so a bad operator is a 400 naming its side before anything is written.
  try {
    validateSearchQuery({ labels: [label], ...(where ? { where } : {}) })
  } catch (error) {
    if (error instanceof EngineError && error.status === 400) throw badRequest(`${name}: ${error.message}`)
    throw error
  }
  return { label, key: key as string | undefined, where: where as Record<string, unknown> | undefined }
}

const hasWhere = (side: BulkSide) => side.where !== undefined && Object.keys(side.where).length > 0

function checkMode(source: BulkSide, target: BulkSide, manyToMany: boolean): void {
  if (manyToMany) {
    if (source.key !== undefined || target.key !== undefined) throw badRequest('manyToMany links every source record to every target record: leave out source.key and target.key')
    if (!hasWhere(source) || !hasWhere(target)) throw badRequest('manyToMany needs a non-empty where on both source and target (it links every match of one to every match of the other)')
    return
  }
  if (source.key === undefined && target.key === undefined) throw badRequest('give source.key and target.key (link records whose values are equal), or set manyToMany with a where on both sides')
  if (source.key === undefined || target.key === undefined) throw badRequest(`a key join needs a key on both sides: ${source.key === undefined ? 'source' : 'target'}.key is missing`)
}

/**
 * Validates `{source, target, type?, direction?, manyToMany?}` of POST /relationships/create-many
 * (`deleting` false: direction defaults to `out`) and /delete-many (no type: every type; no
 * direction: both). 400 with a message naming the field for every malformed shape.
 */
export function parseBulkRelationshipBody(body: unknown, deleting: boolean): BulkRelationshipBody {
  if (!isPlainObject(body)) throw badRequest('Request body must be a JSON object {source, target, type, direction}')
  const source = parseSide(body.source, 'source')
  const target = parseSide(body.target, 'target')
  const { type, direction, manyToMany = false } = body
  if (type !== undefined && (typeof type !== 'string' || !RELATION_TYPE.test(type))) {
    throw badRequest(`type: must be a relationship type name (letters, digits and _, not starting with a digit, at most 100), got ${describeValue(type)}`)
  }
  if (direction !== undefined && direction !== 'in' && direction !== 'out') throw badRequest(`direction: must be "in" or "out", got ${describeValue(direction)}`)
  if (typeof manyToMany !== 'boolean') throw badRequest(`manyToMany: must be true or false, got ${describeValue(manyToMany)}`)
  checkMode(source, target, manyToMany)
  return { source, target, type: type as string | undefined, direction: (direction as Direction | undefined) ?? (deleting ? undefined : 'out'), manyToMany }
}
