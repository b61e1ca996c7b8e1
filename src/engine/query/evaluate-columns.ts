import type Database from 'better-sqlite3'
import { badRequest } from '../errors.js'
import type { RecordOut } from '../types.js'
import type { RelatedStep } from './compile-context.js'
import { compareValues, objectComparator } from './compare-values.js'
import type { RecordCache } from './record-cache.js'
import { followChain, relatedNodes } from './related-nodes.js'
import type { CollectExpr, Expr, Source } from './select-ast.js'
import { timeBucket } from './time-bucket.js'

/** A set of root records one output row or record is computed over (one root per record). */
export type Group = number[]

/**
 * Evaluates select/aggregate expressions column-wise over many groups at once, so every hop is one
 * batched statement whatever the page size. `base` is the alias chain the group members sit at.
 */
export class ColumnEvaluator {
  constructor(
    private readonly db: Database.Database,
    private readonly cache: RecordCache,
    private readonly aliases: Map<string, RelatedStep[]>
  ) {}

  /** Evaluates every key of `map` for each group, resolving `$ref`s; one object per group. */
  evaluateMap(map: Record<string, Expr>, groups: Group[], base: RelatedStep[] = []): Array<Record<string, unknown>> {
    const columns = new Map<string, unknown[]>()
    const column = (key: string): unknown[] => {
      if (!columns.has(key)) columns.set(key, this.column(map[key], groups, base, column))
      return columns.get(key)!
    }
    return groups.map((_, i) => Object.fromEntries(Object.keys(map).map((key) => [key, column(key)[i]])))
  }

  /** One expression's value for each group. */
  column(expr: Expr, groups: Group[], base: RelatedStep[], ref: (key: string) => unknown[]): unknown[] {
    switch (expr.k) {
      case 'lit': return groups.map(() => expr.value)
      case 'ref': return ref(expr.key)
      case 'field': {
        const nodes = this.nodes({ kind: 'alias', alias: expr.alias }, groups, base)
        return nodes.map((list) => (list.length === 0 ? null : fieldOf(this.cache.get(list[0]), expr.field) ?? null))
      }
      case 'arith': {
        const a = this.column(expr.a, groups, base, ref)
        const b = this.column(expr.b, groups, base, ref)
        return a.map((x, i) => arithmetic(expr.op, x, b[i]))
      }
      case 'bucket':
        return this.column(expr.field, groups, base, ref).map((v) => timeBucket(v, expr.unit, expr.size))
      case 'count': return this.count(expr, groups, base)
      case 'agg': return this.aggregate(expr, groups, base)
      case 'collect': return this.collect(expr, groups, base)
    }
  }

  private count(expr: Extract<Expr, { k: 'count' }>, groups: Group[], base: RelatedStep[]): number[] {
    if (expr.src === '*') return groups.map((g) => new Set(g).size)
    const field = expr.src.field
    return this.nodes(expr.src, groups, base).map((list) => {
      if (field === undefined) return list.length
      const values = list.map((rid) => fieldOf(this.cache.get(rid), field)).filter((v) => v !== null && v !== undefined)
      return expr.distinct ? new Set(values.map((v) => JSON.stringify(v))).size : values.length
    })
  }

  private aggregate(expr: Extract<Expr, { k: 'agg' }>, groups: Group[], base: RelatedStep[]): unknown[] {
    const field = expr.src.field!
    return this.nodes(expr.src, groups, base).map((list) => {
      const values = list.flatMap((rid) => [fieldOf(this.cache.get(rid), field)].flat()).filter((v) => v !== null && v !== undefined)
      const numbers = values.filter((v): v is number => typeof v === 'number')
      if (expr.fn === 'sum') return numbers.reduce((s, n) => s + n, 0)
      if (expr.fn === 'avg') return numbers.length === 0 ? null : roundAvg(numbers.reduce((s, n) => s + n, 0) / numbers.length, expr.precision)
      if (values.length === 0) return null
      const sorted = [...values].sort(compareValues)
      return expr.fn === 'min' ? sorted[0] : sorted[sorted.length - 1]
    })
  }

  private collect(expr: CollectExpr, groups: Group[], base: RelatedStep[]): unknown[][] {
    const lists = this.nodes(expr.src, groups, base)
    if (expr.src.field !== undefined) return lists.map((list) => this.collectField(expr, list))
    const childBase = expr.src.kind === 'alias' ? this.chainOf(expr.src.alias, base) : []
    const paged = lists.map((list) => {
      const records = list.map((rid) => this.cache.get(rid))
      const keys = expr.legacy ? expr.orderBy.slice(0, 1) : expr.orderBy.length ? expr.orderBy : [{ key: '__id', dir: 'desc' as const }]
      records.sort(objectComparator(keys))
      return slice(records, expr).map((r) => this.ridOf(r))
    })
    if (!expr.select) return paged.map((list) => list.map((rid) => ({ ...this.cache.get(rid) })))
    const flat = paged.flat()
    const values = this.evaluateMap(expr.select, flat.map((rid) => [rid]), childBase)
    let i = 0
    // A related collect (`label` form) keeps the whole record and adds its select keys, so nested
    // selections can ride on full records; an alias collect returns only what it selects.
    const keepRecord = expr.legacy || expr.src.kind === 'related'
    return paged.map((list) => list.map((rid) => (keepRecord ? { ...this.cache.get(rid), ...values[i++] } : values[i++])))
  }

  private collectField(expr: CollectExpr, list: number[]): unknown[] {
    let values = list.flatMap((rid) => [fieldOf(this.cache.get(rid), expr.src.field!)].flat()).filter((v) => v !== null && v !== undefined)
    values.sort(compareValues)
    if (expr.unique) values = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()]
    return slice(values, expr)
  }

  /** The member records of a source for each group (distinct rids), loaded into the cache. */
  nodes(src: Source, groups: Group[], base: RelatedStep[]): number[][] {
    const roots = [...new Set(groups.flat())]
    let perRoot: Map<number, number[]>
    if (src.kind === 'related') perRoot = relatedNodes(this.db, roots, src.step)
    else if (src.alias === 'record' || src.alias === 'self') perRoot = new Map(roots.map((r) => [r, [r]]))
    else perRoot = followChain(this.db, roots, this.chainOf(src.alias, base).slice(base.length))
    const lists = groups.map((g) => [...new Set(g.flatMap((r) => perRoot.get(r) ?? []))])
    this.cache.load(lists.flat())
    return lists
  }

  private chainOf(alias: string, base: RelatedStep[]): RelatedStep[] {
    if (alias === 'record' || alias === 'self') return base
    const steps = this.aliases.get(`$${alias}`)
    if (!steps) throw badRequest(`alias "$${alias}" is not declared by a related block in where`)
    if (!base.every((s, i) => steps[i] === s)) throw badRequest(`alias "$${alias}" is not nested inside the collected alias`)
    return steps
  }

  private ridOf(record: RecordOut): number {
    return this.cache.ridOf(record.__id)
  }
}

/** A property of a record, with `__id`/`__label` mapped to the system fields. */
export function fieldOf(record: RecordOut, field: string): unknown {
  return record[field]
}

function slice<T>(items: T[], expr: CollectExpr): T[] {
  if (expr.legacy) return items.slice(expr.skip, expr.limit)
  return items.slice(expr.skip, expr.limit === undefined ? undefined : expr.skip + expr.limit)
}

/** An average rounded to `precision` decimals (0 truncates), as `$avg` and `avg` return it. */
export function roundAvg(avg: number, precision: number | undefined): number {
  if (precision === undefined) return avg
  if (precision === 0) return Math.trunc(avg)
  const f = 10 ** precision
  return Math.round(avg * f) / f
}

function arithmetic(op: string, a: unknown, b: unknown): number | null {
  if (typeof a !== 'number' || typeof b !== 'number') return null
  if (op === '$add') return a + b
  if (op === '$subtract') return a - b
  if (op === '$multiply') return a * b
  return b === 0 ? null : a / b
}
