import { badRequest } from '../errors.js'
import { objectComparator } from './compare-values.js'
import { normalizeOrder } from './compile-order.js'
import { DEFAULT_LIMIT } from './compile-search.js'
import type { ColumnEvaluator } from './evaluate-columns.js'
import { parseSelectExpr } from './parse-select.js'
import type { Expr } from './select-ast.js'
import type { SearchQuery } from './search-query.js'

interface Dimension {
  name: string
  expr: Expr
}

/**
 * groupBy rows: one row per distinct combination of group keys over ALL matching roots (never cut
 * by paging), with the select keys aggregated per group; then ordered and paged as rows.
 */
export function runGrouped(evaluator: ColumnEvaluator, select: Record<string, Expr>, query: SearchQuery, roots: number[]): Array<Record<string, unknown>> {
  const dims = (query.groupBy ?? []).map((entry, i) => dimensionOf(entry, select, `groupBy[${i}]`)).filter((d): d is Dimension => d !== null)
  const dimMap = Object.fromEntries(dims.map((d) => [d.name, d.expr]))
  const perRoot = dims.length ? evaluator.evaluateMap(dimMap, roots.map((r) => [r])) : []
  const groups = new Map<string, { key: Record<string, unknown>; roots: number[] }>()
  roots.forEach((rid, i) => {
    const key = dims.length ? perRoot[i] : {}
    const id = JSON.stringify(dims.map((d) => key[d.name] ?? null))
    const group = groups.get(id)
    if (group) group.roots.push(rid)
    else groups.set(id, { key, roots: [rid] })
  })
  if (roots.length === 0 && dims.length === 0) groups.set('[]', { key: {}, roots: [] })
  const emitted = Object.keys(select).filter((name) => select[name].k !== 'field' && !(name in dimMap))
  const list = [...groups.values()]
  const values = evaluator.evaluateMap(select, list.map((g) => g.roots))
  const rows = list.map((g, i) => {
    const row: Record<string, unknown> = {}
    for (const d of dims) row[d.name] = g.key[d.name] ?? null
    for (const name of Object.keys(select)) if (name in dimMap) row[name] = g.key[name] ?? null
    for (const name of emitted) row[name] = values[i][name]
    return row
  })
  const order = query.orderBy ? normalizeOrder(query.orderBy) : dims.map((d) => ({ key: d.name, dir: 'asc' as const }))
  if (order.length) rows.sort(objectComparator(order, () => 0))
  const skip = query.skip ?? 0
  return rows.slice(skip, skip + (query.limit ?? DEFAULT_LIMIT))
}

function dimensionOf(entry: string, select: Record<string, Expr>, path: string): Dimension | null {
  if (typeof entry !== 'string') throw badRequest(`${path}: must be a string`)
  if (entry.startsWith('$')) {
    const expr = parseSelectExpr(entry, path)
    if (expr.k !== 'field') throw badRequest(`${path}: expected '$alias.field' (an alias alone cannot be grouped by)`)
    return { name: expr.field, expr }
  }
  const expr = select[entry]
  if (!expr) throw badRequest(`${path}: "${entry}" is neither '$alias.field' nor a select key`)
  return isAggregating(expr) ? null : { name: entry, expr }
}

function isAggregating(expr: Expr): boolean {
  if (expr.k === 'agg' || expr.k === 'count' || expr.k === 'collect') return true
  if (expr.k === 'arith') return isAggregating(expr.a) || isAggregating(expr.b)
  return false
}
