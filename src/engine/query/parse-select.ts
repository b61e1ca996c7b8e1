import { badRequest } from '../errors.js'
import { normalizeOrder } from './compile-order.js'
import { parseRelatedBlock } from './compile-related.js'
import { checkRefCycles } from './check-ref-cycles.js'
import { TIME_UNITS, type CollectExpr, type Expr, type Source } from './select-ast.js'
import { isPlainObject } from './where-keys.js'

const REF = /^\$(\w+)(?:\.(.+))?$/
const AGG_FNS = ['$sum', '$avg', '$min', '$max'] as const

/** Parses a `select` map into expressions; 400 naming the key path for anything malformed. */
export function parseSelectMap(select: unknown, path: string): Record<string, Expr> {
  if (!isPlainObject(select)) throw badRequest(`${path}: must be an object of output keys`)
  const out: Record<string, Expr> = {}
  for (const [key, expr] of Object.entries(select)) out[key] = parseSelectExpr(expr, `${path}.${key}`)
  checkRefCycles(out, path)
  return out
}

/** Parses one select expression. */
export function parseSelectExpr(expr: unknown, path: string): Expr {
  if (typeof expr === 'string') {
    const m = REF.exec(expr)
    if (m && m[2] !== undefined) return { k: 'field', alias: m[1], field: m[2] }
    return { k: 'lit', value: expr }
  }
  if (!isPlainObject(expr)) return { k: 'lit', value: expr }
  const keys = Object.keys(expr)
  const op = keys.find((k) => k !== '$precision')
  if (!op || keys.length > (expr.$precision !== undefined ? 2 : 1)) throw badRequest(`${path}: an expression object needs exactly one operator`)
  const arg = expr[op]
  if ((AGG_FNS as readonly string[]).includes(op)) {
    const precision = expr.$precision
    if (precision !== undefined && (op !== '$avg' || typeof precision !== 'number')) throw badRequest(`${path}.$precision: only a number on $avg`)
    return { k: 'agg', fn: op.slice(1) as 'sum', src: parseSource(arg, `${path}.${op}`, true), precision: precision as number | undefined }
  }
  switch (op) {
    case '$count':
      return { k: 'count', src: arg === '*' ? '*' : parseSource(arg, `${path}.$count`, false), distinct: true }
    case '$add': case '$subtract': case '$multiply': case '$divide':
      if (!Array.isArray(arg) || arg.length !== 2) throw badRequest(`${path}.${op}: needs an array of two expressions`)
      return { k: 'arith', op, a: parseSelectExpr(arg[0], `${path}.${op}[0]`), b: parseSelectExpr(arg[1], `${path}.${op}[1]`) }
    case '$ref':
      if (typeof arg !== 'string') throw badRequest(`${path}.$ref: needs the name of another select key`)
      return { k: 'ref', key: arg }
    case '$collect':
      return parseCollect(arg, `${path}.$collect`)
    case '$timeBucket':
      return parseTimeBucket(arg, `${path}.$timeBucket`)
  }
  throw badRequest(`${path}: unknown select operator "${op}"`)
}

function parseSource(arg: unknown, path: string, needField: boolean): Source {
  if (typeof arg === 'string') {
    const m = REF.exec(arg)
    if (!m) throw badRequest(`${path}: expected '$alias' or '$alias.field', got ${JSON.stringify(arg)}`)
    if (needField && m[2] === undefined) throw badRequest(`${path}: expected '$alias.field'`)
    return { kind: 'alias', alias: m[1], field: m[2] }
  }
  if (isPlainObject(arg) && typeof arg.label === 'string') {
    for (const k of Object.keys(arg)) {
      if (!['label', 'relation', 'where', 'field'].includes(k)) throw badRequest(`${path}.${k}: unknown key`)
    }
    if (needField && typeof arg.field !== 'string') throw badRequest(`${path}.field: a field name is required`)
    return { kind: 'related', step: relatedStep(arg, path), field: arg.field as string | undefined }
  }
  throw badRequest(`${path}: expected '$alias.field' or {label, relation?, where?, field?}`)
}

function relatedStep(arg: Record<string, unknown>, path: string) {
  if (arg.where !== undefined && !isPlainObject(arg.where)) throw badRequest(`${path}.where: must be an object`)
  const block = { ...((arg.where as Record<string, unknown>) ?? {}), ...(arg.relation !== undefined ? { $relation: arg.relation } : {}) }
  return parseRelatedBlock(arg.label as string, block, path).step
}

function parseCollect(arg: unknown, path: string): CollectExpr {
  if (!isPlainObject(arg)) throw badRequest(`${path}: must be an object`)
  const allowed = ['from', 'label', 'relation', 'where', 'select', 'orderBy', 'limit', 'skip', 'unique']
  for (const k of Object.keys(arg)) if (!allowed.includes(k)) throw badRequest(`${path}.${k}: unknown $collect key`)
  let src: Source
  if (typeof arg.label === 'string') src = { kind: 'related', step: relatedStep(arg, path) }
  else if (typeof arg.from === 'string' && REF.test(arg.from)) src = { kind: 'alias', alias: REF.exec(arg.from)![1] }
  else throw badRequest(`${path}: needs from: '$alias' or label: 'LABEL'`)
  return {
    k: 'collect', src, legacy: false,
    select: arg.select === undefined ? undefined : parseSelectMap(arg.select, `${path}.select`),
    orderBy: arg.orderBy === undefined ? [] : normalizeOrder(checkOrder(arg.orderBy, `${path}.orderBy`)),
    limit: optionalCount(arg.limit, `${path}.limit`, 1), skip: optionalCount(arg.skip, `${path}.skip`, 0) ?? 0,
    unique: arg.unique !== false
  }
}

function parseTimeBucket(arg: unknown, path: string): Expr {
  if (!isPlainObject(arg) || typeof arg.field !== 'string') throw badRequest(`${path}: needs {field: '$alias.field', unit}`)
  const unit = typeof arg.unit === 'string' ? arg.unit.replace(/s$/, '') : ''
  if (!TIME_UNITS.has(unit)) throw badRequest(`${path}.unit: must be one of ${[...TIME_UNITS].join(', ')}`)
  const size = arg.size ?? 1
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1) throw badRequest(`${path}.size: must be a positive integer`)
  const field = parseSelectExpr(arg.field, `${path}.field`)
  if (field.k !== 'field') throw badRequest(`${path}.field: must be '$alias.field'`)
  return { k: 'bucket', field, unit, size }
}

/** Validates an `orderBy` value (`'asc'|'desc'` or `{key: 'asc'|'desc'}`). */
export function checkOrder(value: unknown, path: string): unknown {
  if (value === 'asc' || value === 'desc') return value
  if (isPlainObject(value) && Object.values(value).every((d) => d === 'asc' || d === 'desc')) return value
  throw badRequest(`${path}: must be 'asc', 'desc' or {field: 'asc' | 'desc'}`)
}

/** A non-negative integer option (or undefined), at least `min`. */
export function optionalCount(value: unknown, path: string, min: number): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) throw badRequest(`${path}: must be an integer ≥ ${min}`)
  return value
}
