import type Database from 'better-sqlite3'
import { compareValues } from './compare-values.js'
import { compileOrder, normalizeOrder, type OrderKey } from './compile-order.js'
import type { CompiledSearch } from './compile-search.js'
import { roundAvg } from './evaluate-columns.js'
import { finishGroups, groupPlan, type GroupPlan, type GroupValues } from './run-grouped.js'
import type { Expr } from './select-ast.js'
import type { SearchQuery } from './search-query.js'
import { prepareCached } from './statement-cache.js'
import { frag, sql, type Frag } from './sql-fragment.js'
import { timeBucket } from './time-bucket.js'

/** A group key read from one property column of the roots, optionally bucketed in time. */
interface ColumnDim {
  name: string
  col: number
  bucket?: { unit: string; size: number }
}

/** A select key computed per group, folded root by root in root order. */
type Measure =
  | { name: string; k: 'lit'; value: unknown }
  | { name: string; k: 'roots' }
  | { name: string; k: 'count'; col: number; distinct: boolean }
  | { name: string; k: 'agg'; col: number; fn: 'sum' | 'avg' | 'min' | 'max'; precision?: number }

interface ColumnPlan {
  /** The root properties read, one column each. */
  fields: string[]
  dims: ColumnDim[]
  measures: Measure[]
}

/**
 * groupBy rows computed from the roots' own property columns, read in ONE statement over the
 * matching roots (`props -> field`, no record hydration, no per-group node lists). Covers group
 * keys that are root properties (or `$timeBucket`s of them) and count/sum/avg/min/max of root
 * properties; answers undefined for anything else (related aliases, collect, arithmetic, refs),
 * which the generic `runGrouped` evaluates. Values are folded in root order exactly as the generic
 * path folds them (same sums, same first-appearance order of groups), so results are identical.
 */
export function runColumnGroups(
  db: Database.Database, compiled: CompiledSearch, select: Record<string, Expr>, query: SearchQuery
): { data: Array<Record<string, unknown>>; total: number } | undefined {
  const plan = groupPlan(select, query)
  const columns = columnPlan(plan, select)
  if (!columns) return undefined
  const read = () => readColumns(db, compiled, columns.fields, normalizeOrder(query.orderBy))
  // The order probe and the read see one snapshot.
  const rows = db.inTransaction ? read() : db.transaction(read)()
  const groups = foldGroups(columns, rows)
  return { data: finishGroups(plan, select, query, groups), total: rows.length }
}

function isRoot(alias: string): boolean {
  return alias === 'record' || alias === 'self'
}

/**
 * Whether `record[field]` is exactly the stored property: not a system field (`__id`, …), not an
 * inherited Object member (a missing `toString` reads as a function there), and expressible as a
 * quoted JSON path label.
 */
function readable(field: string): boolean {
  return !field.startsWith('__') && !(field in Object.prototype) && !/["\\\u0000-\u001f]/.test(field)
}

function columnPlan(plan: GroupPlan, select: Record<string, Expr>): ColumnPlan | undefined {
  const fields: string[] = []
  const col = (field: string): number => {
    if (!readable(field)) return -1
    if (!fields.includes(field)) fields.push(field)
    return fields.indexOf(field)
  }
  const dims: ColumnDim[] = []
  // A name named twice keys both positions by its last expression there; rare enough to leave generic.
  if (new Set(plan.dims.map((d) => d.name)).size !== plan.dims.length) return undefined
  for (const { name, expr } of plan.dims) {
    const field = expr.k === 'bucket' ? expr.field : expr
    if (field.k !== 'field' || !isRoot(field.alias)) return undefined
    const c = col(field.field)
    if (c < 0) return undefined
    dims.push(expr.k === 'bucket' ? { name, col: c, bucket: { unit: expr.unit, size: expr.size } } : { name, col: c })
  }
  const measures: Measure[] = []
  for (const [name, expr] of Object.entries(select)) {
    // Field references are evaluated but never emitted: only an alias other than the root matters (its errors).
    if (expr.k === 'field') {
      if (!isRoot(expr.alias)) return undefined
      continue
    }
    if (name in plan.dimMap && expr === plan.dimMap[name]) continue
    const measure = measureOf(name, expr, col)
    if (!measure) return undefined
    measures.push(measure)
  }
  return { fields, dims, measures }
}

function measureOf(name: string, expr: Expr, col: (field: string) => number): Measure | undefined {
  if (expr.k === 'lit') return { name, k: 'lit', value: expr.value }
  if (expr.k !== 'count' && expr.k !== 'agg') return undefined
  if (expr.src === '*') return { name, k: 'roots' }
  if (expr.src.kind !== 'alias' || !isRoot(expr.src.alias)) return undefined
  if (expr.src.field === undefined) return expr.k === 'count' ? { name, k: 'roots' } : undefined
  const c = col(expr.src.field)
  if (c < 0) return undefined
  if (expr.k === 'count') return { name, k: 'count', col: c, distinct: expr.distinct }
  return { name, k: 'agg', col: c, fn: expr.fn, precision: expr.precision }
}

/**
 * Each matching root's property values (null when absent), in the roots' query order: one
 * `json_group_array` parsed natively in one go (a JS row per root costs more than the SQL). A
 * label too large for one SQLite string (SQLITE_TOOBIG) is read row by row instead.
 */
function readColumns(db: Database.Database, compiled: CompiledSearch, fields: string[], order: OrderKey[]): unknown[][] {
  if (fields.length === 0) {
    const n = (prepareCached(db, compiled.count.sql).get(...compiled.count.params) as { n: number }).n
    return Array.from({ length: n }, () => [])
  }
  const orderBy = rootOrder(db, order)
  const statement = sql('SELECT json_group_array(', rootValues(fields), ' ORDER BY ', orderBy, ') ', compiled.from)
  try {
    return JSON.parse(prepareCached(db, statement.sql).pluck().get(...statement.params) as string) as unknown[][]
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_TOOBIG') throw error
    return readColumnRows(db, compiled, fields, orderBy)
  }
}

/** The same values as `readColumns`, one SQL row (one JSON array) per root: for labels past SQLite's string limit. */
export function readColumnRows(db: Database.Database, compiled: CompiledSearch, fields: string[], orderBy: Frag): unknown[][] {
  const statement = sql('SELECT ', rootValues(fields), ' ', compiled.from, ' ORDER BY ', orderBy)
  const rows: unknown[][] = []
  for (const text of prepareCached(db, statement.sql).pluck().iterate(...statement.params) as IterableIterator<string>) rows.push(JSON.parse(text) as unknown[])
  return rows
}

/**
 * A root's values of `fields` as one JSON array. json_extract with several paths parses `props`
 * once and answers a JSON array (absent → null); with one path it would answer an SQL value, so a
 * single column is wrapped instead.
 */
function rootValues(fields: string[]): Frag {
  const paths = fields.map((f) => `$."${f}"`)
  if (paths.length === 1) return frag('json_array(r.props -> ?)', ...paths)
  return frag(`json_extract(r.props, ${paths.map(() => '?').join(', ')})`, ...paths)
}

/**
 * The roots' ORDER BY for `keys` (the query's normalised `orderBy`) without the property keys no
 * record has: they sort every root alike, so dropping them spares a correlated value lookup per
 * root without changing the order. The gateway's group order keys name select keys (`key_region`,
 * `count`), which no record stores.
 */
export function rootOrder(db: Database.Database, keys: OrderKey[]): Frag {
  const exists = prepareCached(db, 'SELECT EXISTS (SELECT 1 FROM vals WHERE name = ? AND pos >= 0) AS e')
  const kept = keys.filter((k) => k.key === '__id' || k.key === '__label' || (exists.get(k.key) as { e: number }).e === 1)
  if (!kept.some((k) => k.key === '__id')) kept.push({ key: '__id', dir: keys[keys.length - 1].dir })
  return compileOrder(kept)
}

interface Fold {
  key: Record<string, unknown>
  state: unknown[]
}

/** A value a Map can key exactly as the generic path's JSON id tells groups apart. */
function isScalar(v: unknown): boolean {
  return v === null || typeof v !== 'object'
}

/** Non-finite numbers are `null` in the generic path's JSON id, so they share null's group. */
function mapKey(v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v
}

/**
 * Groups the rows by their key values, in order of first appearance, and folds every measure.
 * Groups are told apart exactly as the generic path's id (JSON of the key values) tells them:
 * scalar keys through one Map level per key (no string per root), anything else (arrays) by that
 * JSON. A single key is also looked up by its stored value first, which skips re-bucketing.
 */
function foldGroups(plan: ColumnPlan, rows: unknown[][]): GroupValues[] {
  const { dims, measures } = plan
  const groups: Fold[] = []
  const create = (values: unknown[]): Fold => {
    const key: Record<string, unknown> = {}
    dims.forEach((d, i) => (key[d.name] = values[i]))
    const group = { key, state: measures.map(initial) }
    groups.push(group)
    return group
  }
  const byJson = new Map<string, Fold>()
  const byValues = new Map<unknown, unknown>()
  const byRaw = new Map<unknown, Fold>()
  const single = dims.length === 1 ? dims[0].col : -1
  const values: unknown[] = dims.map(() => null)
  const find = (): Fold => {
    if (!values.every(isScalar)) {
      const id = JSON.stringify(values)
      return byJson.get(id) ?? byJson.set(id, create([...values])).get(id)!
    }
    let level = byValues
    for (let i = 0; i < values.length - 1; i++) {
      const k = mapKey(values[i])
      level = (level.get(k) as Map<unknown, unknown> | undefined) ?? level.set(k, new Map()).get(k) as Map<unknown, unknown>
    }
    const k = mapKey(values[values.length - 1])
    return (level.get(k) as Fold | undefined) ?? (level.set(k, create([...values])).get(k) as Fold)
  }
  const whole = dims.length === 0 ? create([]) : undefined
  for (const row of rows) {
    const raw = single >= 0 ? row[single] : undefined
    let group = whole ?? (single >= 0 && isScalar(raw) ? byRaw.get(raw) : undefined)
    if (!group) {
      dims.forEach((d, i) => (values[i] = keyValue(d, row)))
      group = find()
      if (single >= 0 && isScalar(raw)) byRaw.set(raw, group)
    }
    for (let m = 0; m < measures.length; m++) group.state[m] = step(measures[m], group.state[m], row)
  }
  return groups.map((g) => ({ key: g.key, values: Object.fromEntries(measures.map((m, i) => [m.name, result(m, g.state[i])])) }))
}

/** A root's value of one group key, as the generic path evaluates it (absent → null, then bucketed). */
function keyValue(d: ColumnDim, row: unknown[]): unknown {
  const v = row[d.col] ?? null
  return d.bucket ? timeBucket(v, d.bucket.unit, d.bucket.size) : v
}

type AggState = { sum: number; n: number; best: unknown }

function initial(m: Measure): unknown {
  if (m.k === 'roots') return 0
  if (m.k === 'count') return m.distinct ? new Set<string>() : 0
  if (m.k === 'agg') return { sum: 0, n: 0, best: undefined } satisfies AggState
  return undefined
}

/** One root's contribution, mirroring evaluate-columns: counts skip null/absent values (an array counts once), aggregates read every array element and sum/avg only numbers. */
function step(m: Measure, state: unknown, values: unknown[]): unknown {
  if (m.k === 'roots') return (state as number) + 1
  if (m.k === 'lit') return state
  const value = values[m.col]
  if (value === null || value === undefined) return state
  if (m.k === 'count') {
    if (!m.distinct) return (state as number) + 1
    ;(state as Set<string>).add(JSON.stringify(value))
    return state
  }
  const s = state as AggState
  for (const v of Array.isArray(value) ? value : [value]) {
    if (v === null || v === undefined) continue
    if (m.fn === 'sum' || m.fn === 'avg') {
      if (typeof v === 'number') {
        s.sum += v
        s.n++
      }
    } else if (s.best === undefined || (m.fn === 'min' ? compareValues(v, s.best) < 0 : compareValues(v, s.best) >= 0)) {
      s.best = v
    }
  }
  return s
}

function result(m: Measure, state: unknown): unknown {
  if (m.k === 'lit') return m.value
  if (m.k === 'roots') return state
  if (m.k === 'count') return m.distinct ? (state as Set<string>).size : state
  const s = state as AggState
  if (m.fn === 'sum') return s.sum
  if (m.fn === 'avg') return s.n === 0 ? null : roundAvg(s.sum / s.n, m.precision)
  return s.best ?? null
}
