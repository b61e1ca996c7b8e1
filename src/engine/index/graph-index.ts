import type Database from 'better-sqlite3'
import { prepareCached } from '../query/statement-cache.js'
import { Adjacency } from './adjacency.js'
import { changeHead, changesBetween, samePosition, type ChangePosition } from './change-feed.js'
import type { SortValue } from './order-rids.js'
import { RidSet } from './rid-set.js'

/** How an equality value is typed: RushDB matches strings against string and datetime values. */
export type ValueKind = 'string' | 'number' | 'boolean'

interface Posting {
  name: string
  kind: ValueKind
  value: string | number
  set: RidSet
}

/** Postings smaller than this are read from SQLite per query instead of being kept in memory. */
export const DEFAULT_POSTING_MIN_SIZE = 512
/** Memory bound: at most this many cached postings (each a bitmap over every rid). */
const MAX_POSTINGS = 256
/** Memory bound: at most this many cached sort columns. */
const MAX_COLUMNS = 8
/** Past this many changed records since the last query, dropping every cache is cheaper than patching. */
const RESET_AFTER_CHANGES = 50_000

// group_concat: one string per set instead of a JS row per rid (rows cost ~µs each in JS).
const POSTING_SQL: Record<ValueKind, string> = {
  string: "SELECT group_concat(rid) FROM vals WHERE name = ? AND type IN ('string', 'datetime') AND v = ?",
  number: "SELECT group_concat(rid) FROM vals WHERE name = ? AND type = 'number' AND v = ?",
  boolean: "SELECT group_concat(rid) FROM vals WHERE name = ? AND type = 'boolean' AND v = ?"
}

/**
 * In-memory secondary indexes over the committed graph: a bitmap of rids per label, bitmaps per
 * frequent (property, value) pair and the adjacency of every record. They are caches: built
 * lazily from SQLite and kept current by replaying the `changes` table (filled by triggers, so
 * writes by any connection or process are seen, and rolled-back writes never are) and the rids
 * above the highest seen (new records: change-feed.ts). Callers must not use it inside an open
 * write transaction, whose changes are not committed yet.
 */
export class GraphIndex {
  private labels = new Map<string, RidSet>()
  private postings = new Map<string, Posting>()
  private columns = new Map<string, Map<number, SortValue>>()
  private multi = new Map<string, RidSet>()
  private adjacency: Adjacency | undefined
  private position: ChangePosition | undefined

  /** `postingMinSize`: the smallest (property, value) posting worth keeping in memory. */
  constructor(private readonly postingMinSize = DEFAULT_POSTING_MIN_SIZE) {}

  /** Brings the caches up to the committed state `db` sees; call before each use. */
  sync(db: Database.Database): void {
    const head = changeHead(db)
    const at = this.position
    if (at && samePosition(at, head)) return
    const changed = at && head.seq - at.seq <= RESET_AFTER_CHANGES * 2 && changesBetween(db, at, head, RESET_AFTER_CHANGES)
    if (!changed || changed.records.size + changed.edges.size > RESET_AFTER_CHANGES) return this.reset(head)
    for (const rid of changed.records) this.refreshRecord(db, rid)
    if (this.adjacency) for (const rid of changed.edges) this.adjacency.refresh(db, rid)
    if (this.adjacency && this.adjacency.overlaySize > RESET_AFTER_CHANGES) this.adjacency = undefined
    this.position = head
  }

  /** The rids labelled `label`. */
  label(db: Database.Database, label: string): RidSet {
    let set = this.labels.get(label)
    if (!set) {
      set = RidSet.fromList(prepareCached(db, 'SELECT group_concat(rid) FROM records WHERE label = ?').pluck().get(label) as string | null)
      this.labels.set(label, set)
    }
    return set
  }

  /** The rids with some `name` value equal to `value` (typed as RushDB compares: strings also match datetimes' text). */
  equal(db: Database.Database, name: string, kind: ValueKind, value: string | number): RidSet {
    const key = `${name}\u0000${kind}\u0000${value}`
    const cached = this.postings.get(key)
    if (cached) {
      // Re-insert so the map's order is least-recently-used first.
      this.postings.delete(key)
      this.postings.set(key, cached)
      return cached.set
    }
    const set = RidSet.fromList(prepareCached(db, POSTING_SQL[kind]).pluck().get(name, value) as string | null)
    if (set.size >= this.postingMinSize) {
      if (this.postings.size >= MAX_POSTINGS) this.postings.delete(this.postings.keys().next().value!)
      this.postings.set(key, { name, kind, value, set })
    }
    return set
  }

  /** Whether the sort column of `name` is in memory. */
  hasColumn(name: string): boolean {
    return this.columns.has(name)
  }

  /** Each record's first stored value of `name` (what ORDER BY sorts on), by rid; records without one are absent. */
  column(db: Database.Database, name: string): Map<number, SortValue> {
    let column = this.columns.get(name)
    if (column) {
      this.columns.delete(name)
    } else {
      column = loadColumn(db, name)
      if (this.columns.size >= MAX_COLUMNS) this.columns.delete(this.columns.keys().next().value!)
    }
    this.columns.set(name, column)
    return column
  }

  /** The rids holding more than one value of `name` (arrays): a range on them may match elements other than the sort value. */
  multiValued(db: Database.Database, name: string): RidSet {
    let set = this.multi.get(name)
    if (!set) {
      set = RidSet.fromList(prepareCached(db, 'SELECT group_concat(DISTINCT rid) FROM vals WHERE name = ? AND pos > 0').pluck().get(name) as string | null)
      if (this.multi.size >= MAX_COLUMNS) this.multi.delete(this.multi.keys().next().value!)
      this.multi.set(name, set)
    }
    return set
  }

  /** Every relationship, loaded on first use. */
  edges(db: Database.Database): Adjacency {
    this.adjacency ??= new Adjacency(db)
    return this.adjacency
  }

  private reset(head: ChangePosition): void {
    this.labels = new Map()
    this.postings = new Map()
    this.columns = new Map()
    this.multi = new Map()
    this.adjacency = undefined
    this.position = head
  }

  private refreshRecord(db: Database.Database, rid: number): void {
    const row = prepareCached(db, 'SELECT label FROM records WHERE rid = ?').get(rid) as { label: string | null } | undefined
    for (const [label, set] of this.labels) {
      if (row && row.label === label) set.add(rid)
      else set.delete(rid)
    }
    if (this.postings.size === 0 && this.columns.size === 0 && this.multi.size === 0) return
    for (const posting of this.postings.values()) posting.set.delete(rid)
    for (const column of this.columns.values()) column.delete(rid)
    for (const set of this.multi.values()) set.delete(rid)
    if (!row) return
    const values = prepareCached(db, 'SELECT name, type, v, pos FROM vals WHERE rid = ? AND pos >= 0').raw().all(rid) as Array<[string, string, SortValue, number]>
    for (const posting of this.postings.values()) {
      if (values.some(([name, type, v]) => name === posting.name && matchesKind(type, posting.kind) && v === posting.value)) posting.set.add(rid)
    }
    for (const [name, , v, pos] of values) {
      if (pos === 0) this.columns.get(name)?.set(rid, v)
      if (pos > 0) this.multi.get(name)?.add(rid)
    }
  }
}

/** A sort column in two JSON arrays parsed natively (a JS row per record would cost ~µs each); blobs are read row by row. */
function loadColumn(db: Database.Database, name: string): Map<number, SortValue> {
  const [rids, values] = prepareCached(db, "SELECT json_group_array(rid), json_group_array(v) FROM vals WHERE name = ? AND pos = 0 AND typeof(v) <> 'blob'")
    .raw()
    .get(name) as [string, string]
  const ridList = JSON.parse(rids) as number[]
  const valueList = JSON.parse(values) as SortValue[]
  const column = new Map<number, SortValue>()
  for (let i = 0; i < ridList.length; i++) column.set(ridList[i], valueList[i])
  for (const [rid, v] of prepareCached(db, "SELECT rid, v FROM vals WHERE name = ? AND pos = 0 AND typeof(v) = 'blob'").raw().iterate(name) as IterableIterator<[number, Buffer]>) {
    column.set(rid, v)
  }
  return column
}

function matchesKind(type: string, kind: ValueKind): boolean {
  return kind === 'string' ? type === 'string' || type === 'datetime' : type === kind
}
