import { badRequest } from '../errors.js'
import { combineLogical } from './combine-logical.js'
import { escapeLike } from './value-conditions.js'
import { LONG_LIST, frag, joinFrags, placeholders, sql, type Frag } from './sql-fragment.js'
import { LOGICAL_KEYS, isPlainObject, logicalOperands } from './where-keys.js'

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/**
 * Compiles `$id: 'uuid' | {operators}` against the record's public id column. Range operators
 * compare ids as strings (an engine extension: UUIDv7 strings sort by creation time).
 */
export function compileIdCriterion(value: unknown, rec: string, path: string): Frag {
  if (typeof value === 'string') return frag(`${rec}.id = ?`, value)
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    throw badRequest(`${path}: $id needs an id string or an operator object`)
  }
  const parts = Object.entries(value).map(([op, arg]) => idOperator(op, arg, rec, `${path}.${op}`))
  return parts.length === 1 ? parts[0] : sql('(', joinFrags(parts, ' AND '), ')')
}

function idOperator(op: string, arg: unknown, rec: string, path: string): Frag {
  if (LOGICAL_KEYS.has(op)) {
    return combineLogical(op, logicalOperands(arg).map((o, i) => compileIdCriterion(o, rec, `${path}[${i}]`)))
  }
  if (op === '$in' || op === '$nin') {
    if (!Array.isArray(arg) || arg.length === 0 || arg.some((a) => typeof a !== 'string')) {
      throw badRequest(`${path}: ${op} needs a non-empty array of id strings`)
    }
    const not = op === '$in' ? '' : 'NOT '
    if (arg.length > LONG_LIST) {
      // One JSON parameter: the SQL text (and its cached statement) stays the same whatever the
      // list's length, and the ids are probed through the id index instead of bound one by one.
      return frag(`${rec}.rid ${not}IN (SELECT rid FROM records WHERE id IN (SELECT value FROM json_each(?)))`, JSON.stringify(arg))
    }
    const p = placeholders(arg)
    return { sql: `${rec}.id ${not}IN (${p.sql})`, params: p.params }
  }
  if (op === '$exists') return frag(arg === false ? '0' : '1')
  if (typeof arg !== 'string') throw badRequest(`${path}: ${op} on $id needs a string`)
  if (op === '$ne') return frag(`${rec}.id <> ?`, arg)
  if (op in RANGE) return frag(`${rec}.id ${RANGE[op]} ?`, arg)
  if (op === '$contains') return frag(`${rec}.id LIKE ? ESCAPE '\\'`, `%${escapeLike(arg)}%`)
  if (op === '$startsWith') return frag(`substr(${rec}.id, 1, ?) = ?`, [...arg].length, arg)
  if (op === '$endsWith') return frag(`substr(${rec}.id, -?) = ?`, [...arg].length, arg)
  throw badRequest(`${path}: unknown operator "${op}" for $id`)
}
