import { badRequest } from '../errors.js'
import { objectComparator } from './compare-values.js'
import { normalizeOrder } from './compile-order.js'
import { DEFAULT_LIMIT } from './compile-search.js'
import type { ColumnEvaluator } from './evaluate-columns.js'
import { parseSelectExpr } from './parse-select.js'
import type { Expr } from './select-ast.js'
import type { SearchQuery } from './search-query.js'

/** One group key: its output name and the expression evaluated on each root. */
export interface Dimension {
  name: string
  expr: Expr
}

/** What a groupBy query groups by and which select keys each group row carries. */
export interface GroupPlan {
  dims: Dimension[]
  dimMap: Record<string, Expr>
  /** Select keys computed per group (everything but plain field references and group keys). */
  emitted: string[]
}

/** A group before ordering: its key values (from its first root) and its computed select keys. */
export interface GroupValues {
  key: Record<string, unknown>
  values: Record<string, unknown>
}

/** Validates `groupBy` against the select keys; 400 naming the entry for anything malformed. */
export function groupPlan(select: Record<string, Expr>, query: SearchQuery): GroupPlan {
  const dims = (query.groupBy ?? []).map((entry, i) => dimensionOf(entry, select, `groupBy[${i}]`)).filter((d): d is Dimension => d !== null)
  const dimMap = Object.fromEntries(dims.map((d) => [d.name, d.expr]))
  const emitted = Object.keys(select).filter((name) => select[name].k !== 'field' && !(name in dimMap))
  return { dims, dimMap, emitted }
}

/**
 * groupBy rows: one row per distinct combination of group keys over ALL matching roots (never cut
 * by paging), with the select keys aggregated per group; then ordered and paged as rows.
 */
export function runGrouped(evaluator: ColumnEvaluator, select: Record<string, Expr>, query: SearchQuery, roots: number[]): Array<Record<string, unknown>> {
  const plan = groupPlan(select, query)
  const { dims, dimMap } = plan
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
  const list = [...groups.values()]
  const values = evaluator.evaluateMap(select, list.map((g) => g.roots))
  return finishGroups(plan, select, query, list.map((g, i) => ({ key: g.key, values: values[i] })))
}

/**
 * Group rows from groups in order of first appearance among the roots: key columns, then the
 * emitted select keys; sorted by `orderBy` (default: group keys ascending; the sort is stable, so
 * ties keep that order), then paged.
 */
export function finishGroups(plan: GroupPlan, select: Record<string, Expr>, query: SearchQuery, groups: GroupValues[]): Array<Record<string, unknown>> {
  const { dims, dimMap, emitted } = plan
  const rows = groups.map((g) => {
    const row: Record<string, unknown> = {}
    for (const d of dims) row[d.name] = g.key[d.name] ?? null
    for (const name of Object.keys(select)) if (name in dimMap) row[name] = g.key[name] ?? null
    for (const name of emitted) row[name] = g.values[name]
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
