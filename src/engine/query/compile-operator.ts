import { badRequest } from '../errors.js'
import { PROPERTY_TYPES, type PropertyType } from '../types.js'
import type { CompileContext } from './compile-context.js'
import { combineLogical } from './combine-logical.js'
import { FALSE, frag, joinFrags, sql, type Frag } from './sql-fragment.js'
import {
  containsCondition, describe, endsWithCondition, equalsCondition, inCondition, notEqualsCondition, rangeCondition,
  startsWithCondition
} from './value-conditions.js'
import { COMPARISON_KEYS, LOGICAL_KEYS, isDatetimeObject, isPlainObject, logicalOperands } from './where-keys.js'

/**
 * Compiles a property criterion (`field: value | [values] | {operators}`) on the record whose
 * rid column is `rec`. Every value predicate means "some stored element satisfies it", so a
 * missing field never matches, `$ne`/`$nin` included.
 */
export function compileFieldCriterion(field: string, value: unknown, rec: string, ctx: CompileContext, path: string): Frag {
  if (Array.isArray(value)) {
    if (value.length === 0) throw badRequest(`${path}: an array value needs at least one element`)
    return joinFrags(value.map((item, i) => compileScalarValue(field, item, rec, ctx, `${path}[${i}]`)), ' AND ')
  }
  return compileScalarValue(field, value, rec, ctx, path)
}

function compileScalarValue(field: string, value: unknown, rec: string, ctx: CompileContext, path: string): Frag {
  if (!isPlainObject(value) || isDatetimeObject(value)) return hasValue(ctx, rec, field, equalsCondition(value, path))
  const keys = Object.keys(value)
  if (keys.length === 0) throw badRequest(`${path}: empty operator object`)
  const parts = keys.map((key) => {
    const sub = `${path}.${key}`
    if (LOGICAL_KEYS.has(key)) {
      const operands = logicalOperands(value[key])
      return combineLogical(key, operands.map((o, i) => compileScalarValue(field, o, rec, ctx, `${sub}[${i}]`)))
    }
    if (!COMPARISON_KEYS.has(key)) throw badRequest(`${sub}: unknown operator "${key}"`)
    return compileOperator(field, key, value[key], rec, ctx, sub)
  })
  return parts.length === 1 ? parts[0] : sql('(', joinFrags(parts, ' AND '), ')')
}

function compileOperator(field: string, op: string, arg: unknown, rec: string, ctx: CompileContext, path: string): Frag {
  switch (op) {
    case '$ne':
      return hasValue(ctx, rec, field, notEqualsCondition(arg, path))
    case '$gt': case '$gte': case '$lt': case '$lte':
      return hasValue(ctx, rec, field, rangeCondition(op, arg, path))
    case '$in':
      return hasValue(ctx, rec, field, inCondition(op, arg, path))
    case '$nin':
      return sql(hasValue(ctx, rec, field, frag('1')), ' AND NOT ', hasValue(ctx, rec, field, inCondition(op, arg, path)))
    case '$contains':
      return hasValue(ctx, rec, field, containsCondition(arg, path))
    case '$startsWith':
      return hasValue(ctx, rec, field, startsWithCondition(arg, path))
    case '$endsWith':
      return hasValue(ctx, rec, field, endsWithCondition(arg, path))
    case '$exists':
      if (typeof arg !== 'boolean') throw badRequest(`${path}: $exists needs true or false, got ${describe(arg)}`)
      return arg ? hasValue(ctx, rec, field, frag('1')) : sql('NOT ', hasValue(ctx, rec, field, frag('1')))
    case '$type':
      if (!PROPERTY_TYPES.includes(arg as PropertyType)) {
        throw badRequest(`${path}: $type must be one of ${PROPERTY_TYPES.join(', ')}, got ${describe(arg)}`)
      }
      return hasValue(ctx, rec, field, frag('type = ?', arg))
    case '$vector':
      throw badRequest(`${path}: $vector similarity search is not supported by the embedded engine`)
  }
  return FALSE
}

/** "Record `rec` has a value row for `field` satisfying `cond`", in the strategy's form. */
export function hasValue(ctx: CompileContext, rec: string, field: string, cond: Frag): Frag {
  if (ctx.strategy.property === 'exists') {
    // `+name` leaves SQLite one way in: the record's own rows by the primary key. Without
    // statistics it would otherwise range-scan the (name, type, v) index once per record.
    const own = cond.sql === '1' ? frag('+name = ?', field) : sql(frag('+name = ?', field), ' AND ', cond)
    return sql(`EXISTS (SELECT 1 FROM vals WHERE rid = ${rec}.rid AND `, own, ')')
  }
  const where = cond.sql === '1' ? frag('name = ?', field) : sql(frag('name = ?', field), ' AND ', cond)
  return sql(`${rec}.rid IN (SELECT rid FROM vals WHERE `, where, ')')
}
