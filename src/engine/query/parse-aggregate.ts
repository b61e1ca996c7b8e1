import { badRequest } from '../errors.js'
import { normalizeOrder } from './compile-order.js'
import { checkOrder, optionalCount, parseSelectExpr } from './parse-select.js'
import type { CollectExpr, Expr } from './select-ast.js'
import { isPlainObject } from './where-keys.js'

/** Parses a legacy (SDK 1.8) `aggregate` map into select expressions with v1.8 semantics. */
export function parseAggregateMap(aggregate: unknown, path: string): Record<string, Expr> {
  if (!isPlainObject(aggregate)) throw badRequest(`${path}: must be an object`)
  const out: Record<string, Expr> = {}
  for (const [key, entry] of Object.entries(aggregate)) out[key] = parseAggregateEntry(entry, `${path}.${key}`)
  return out
}

function parseAggregateEntry(entry: unknown, path: string): Expr {
  if (typeof entry === 'string') {
    const expr = parseSelectExpr(entry, path)
    if (expr.k !== 'field') throw badRequest(`${path}: expected '$alias.field'`)
    return expr
  }
  if (!isPlainObject(entry)) throw badRequest(`${path}: expected '$alias.field' or {fn, alias, field?}`)
  const { fn, field } = entry
  const alias = aliasName(entry.alias ?? '$record', `${path}.alias`)
  if (field !== undefined && typeof field !== 'string') throw badRequest(`${path}.field: must be a string`)
  const src = { kind: 'alias' as const, alias, field: field as string | undefined }
  switch (fn) {
    case 'count':
      return { k: 'count', src, distinct: entry.uniq === true }
    case 'sum': case 'min': case 'max': case 'avg':
      if (!field) throw badRequest(`${path}.field: ${fn} needs a field`)
      if (entry.precision !== undefined && typeof entry.precision !== 'number') throw badRequest(`${path}.precision: must be a number`)
      return { k: 'agg', fn, src, precision: entry.precision as number | undefined, legacyAvg: true }
    case 'collect':
      return parseLegacyCollect(entry, src, path)
  }
  if (typeof fn === 'string' && fn.startsWith('gds.similarity.')) throw badRequest(`${path}.fn: vector similarity is not supported by the embedded engine`)
  throw badRequest(`${path}.fn: unknown aggregate function ${JSON.stringify(fn)}`)
}

function parseLegacyCollect(entry: Record<string, unknown>, src: CollectExpr['src'], path: string): CollectExpr {
  return {
    k: 'collect', src, legacy: true,
    select: entry.aggregate === undefined ? undefined : parseAggregateMap(entry.aggregate, `${path}.aggregate`),
    orderBy: entry.orderBy === undefined ? [{ key: '__id', dir: 'desc' }] : normalizeOrder(checkOrder(entry.orderBy, `${path}.orderBy`)),
    limit: optionalCount(entry.limit, `${path}.limit`, 0) ?? 100,
    skip: optionalCount(entry.skip, `${path}.skip`, 0) ?? 0,
    unique: entry.uniq !== false
  }
}

function aliasName(value: unknown, path: string): string {
  if (typeof value !== 'string' || !/^\$\w+$/.test(value)) throw badRequest(`${path}: must be an alias like "$record"`)
  return value.slice(1)
}
