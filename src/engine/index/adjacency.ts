import type Database from 'better-sqlite3'
import { prepareCached } from '../query/statement-cache.js'

/** Which stored edge orientation to follow from a record: `out` = its edges to others, `in` = others' edges to it. */
export type Side = 'out' | 'in'

interface Csr {
  offsets: Int32Array
  targets: Int32Array
  types: Uint16Array
}

interface OverlayEntry {
  out: number[]
  in: number[]
}

/**
 * Every relationship in memory, both orientations, as compressed rows (CSR) built once from
 * `rels`, plus an overlay of records whose edges changed since (re-read from SQLite on change).
 * Traversing a 10k-record set costs microseconds instead of 10k index probes.
 */
export class Adjacency {
  private readonly typeIds = new Map<string, number>()
  private readonly overlay = new Map<number, OverlayEntry>()
  private out!: Csr
  private in!: Csr

  constructor(db: Database.Database) {
    const maxRid = (db.prepare('SELECT coalesce(max(rid), 0) AS m FROM records').get() as { m: number }).m
    const total = (db.prepare('SELECT count(*) AS n FROM rels').get() as { n: number }).n
    const src = new Int32Array(total)
    const dst = new Int32Array(total)
    const types = new Uint16Array(total)
    // Three aggregated strings instead of a row per edge: row-by-row reads cost ~3 µs each in JS
    // (seconds for a million edges), while SQLite concatenates in C and one pass parses them.
    const [srcList, dstList, typeList] = db
      .prepare(`SELECT group_concat(src), group_concat(dst), group_concat(type, char(31)) FROM rels`)
      .raw()
      .get() as [string | null, string | null, string | null]
    const n = parseIntList(srcList, src)
    parseIntList(dstList, dst)
    const names = typeList === null ? [] : typeList.split('\u001f')
    if (names.length === n) {
      for (let i = 0; i < n; i++) types[i] = this.typeId(names[i])
    } else {
      // A type containing the separator itself: read the types row by row instead.
      let i = 0
      for (const type of db.prepare('SELECT type FROM rels').pluck().iterate() as IterableIterator<string>) types[i++] = this.typeId(type)
    }
    this.out = buildCsr(src, dst, types, n, maxRid)
    this.in = buildCsr(dst, src, types, n, maxRid)
  }

  /** The id of a relationship type (types never seen get a fresh id, so filters on them match nothing). */
  typeId(type: string): number {
    let id = this.typeIds.get(type)
    if (id === undefined) {
      id = this.typeIds.size
      this.typeIds.set(type, id)
    }
    return id
  }

  /** Number of records whose edges live in the overlay (a rebuild is due when it grows large). */
  get overlaySize(): number {
    return this.overlay.size
  }

  /** Re-reads the edges of `rid` after a change (both orientations). */
  refresh(db: Database.Database, rid: number): void {
    const out = (prepareCached(db, 'SELECT dst, type FROM rels WHERE src = ?').raw().all(rid) as Array<[number, string]>)
    const inn = (prepareCached(db, 'SELECT src, type FROM rels WHERE dst = ?').raw().all(rid) as Array<[number, string]>)
    this.overlay.set(rid, { out: out.flatMap(([n, t]) => [n, this.typeId(t)]), in: inn.flatMap(([n, t]) => [n, this.typeId(t)]) })
  }

  /** Calls `fn(neighbour)` for each edge of `rid` on `side` whose type is in `types` (any type when undefined); stops when `fn` returns true. */
  forEachNeighbour(rid: number, side: Side, types: Set<number> | undefined, fn: (neighbour: number) => boolean | void): boolean {
    const patched = this.overlay.get(rid)
    if (patched) {
      const list = side === 'out' ? patched.out : patched.in
      for (let i = 0; i < list.length; i += 2) {
        if ((!types || types.has(list[i + 1])) && fn(list[i]) === true) return true
      }
      return false
    }
    const csr = side === 'out' ? this.out : this.in
    if (rid + 1 >= csr.offsets.length) return false
    for (let i = csr.offsets[rid]; i < csr.offsets[rid + 1]; i++) {
      if ((!types || types.has(csr.types[i])) && fn(csr.targets[i]) === true) return true
    }
    return false
  }
}

/** Parses a comma-separated list of non-negative integers into `into`; returns how many. */
function parseIntList(text: string | null, into: Int32Array): number {
  if (!text) return 0
  let count = 0
  let value = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 44) {
      into[count++] = value
      value = 0
    } else {
      value = value * 10 + (c - 48)
    }
  }
  into[count++] = value
  return count
}

/** Compressed rows from edge columns (counting sort by `near`): offsets per rid, then far ends and types. */
function buildCsr(near: Int32Array, far: Int32Array, types: Uint16Array, n: number, maxRid: number): Csr {
  const offsets = new Int32Array(maxRid + 2)
  for (let i = 0; i < n; i++) if (near[i] <= maxRid) offsets[near[i] + 1]++
  for (let r = 0; r <= maxRid; r++) offsets[r + 1] += offsets[r]
  const cursor = offsets.slice(0, maxRid + 1)
  const targets = new Int32Array(n)
  const edgeTypes = new Uint16Array(n)
  for (let i = 0; i < n; i++) {
    if (near[i] > maxRid) continue
    const at = cursor[near[i]]++
    targets[at] = far[i]
    edgeTypes[at] = types[i]
  }
  return { offsets, targets, types: edgeTypes }
}
