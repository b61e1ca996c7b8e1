import type Database from 'better-sqlite3'
import type { RelationSpec } from '../query/compile-context.js'
import { edgeSides, parseRelatedBlock } from '../query/compile-related.js'
import { LOGICAL_KEYS, isDatetimeObject, isOperatorObject, isPlainObject, logicalOperands } from '../query/where-keys.js'
import type { Side } from './adjacency.js'
import type { GraphIndex, ValueKind } from './graph-index.js'
import { RidSet } from './rid-set.js'

/**
 * What the indexes know of a criterion: the matching rids, `exact` when they are precisely the
 * matches and a superset otherwise (a part the indexes cannot answer, such as a range, is left
 * to SQL). `undefined` means "no idea": every record may match.
 */
export interface IndexedMatch {
  set: RidSet
  exact: boolean
}

type Known = IndexedMatch | undefined

/**
 * Evaluates a validated `where` (already compiled to SQL, so well-formed) on the in-memory indexes,
 * with RushDB's semantics as compile-where gives them: equality and `$in` on strings, numbers and
 * booleans, related-record blocks at any depth, and `$and $or $not $nor $xor`. `universe` is the
 * set the record under test belongs to (its label), needed to complement for `$not`.
 */
export function indexWhere(db: Database.Database, index: GraphIndex, where: Record<string, unknown>, universe: RidSet | undefined): Known {
  const plain: Array<[string, unknown]> = []
  const related: Array<[string, Record<string, unknown>]> = []
  for (const entry of Object.entries(where)) {
    const [key, value] = entry
    if (!key.startsWith('$') && isPlainObject(value) && !isOperatorObject(value)) related.push([key, value])
    else plain.push(entry)
  }
  const start: Known = universe && { set: universe, exact: true }
  const narrowed = intersectAll(start, plain.map(([key, value]) => indexEntry(db, index, key, value, universe)))
  // Related blocks last, most selective first: with candidates known, checking each candidate's
  // edges can beat expanding every matching child.
  const children = related.map(([label, block]) => relatedChild(db, index, label, block)).sort((a, b) => a.child.set.size - b.child.set.size)
  let acc = narrowed
  for (const child of children) acc = intersectAll(acc, [indexRelated(db, index, child, acc?.set)])
  return acc
}

function indexEntry(db: Database.Database, index: GraphIndex, key: string, value: unknown, universe: RidSet | undefined): Known {
  if (LOGICAL_KEYS.has(key)) {
    const operands = logicalOperands(value).map((o) => (isPlainObject(o) ? indexWhere(db, index, o, universe) : undefined))
    return combine(key, operands, universe)
  }
  if (key.startsWith('$')) return undefined
  if (Array.isArray(value)) {
    return intersectAll(undefined, value.map((item) => indexScalar(db, index, key, item)))
  }
  return indexScalar(db, index, key, value)
}

function indexScalar(db: Database.Database, index: GraphIndex, name: string, value: unknown): Known {
  const kind = kindOf(value)
  if (kind) return { set: index.equal(db, name, kind, encode(value)), exact: true }
  if (!isPlainObject(value) || isDatetimeObject(value)) return undefined
  const keys = Object.keys(value)
  if (keys.length !== 1 || keys[0] !== '$in') return undefined
  const list = (value as Record<string, unknown>).$in as unknown[]
  const kinds = new Set(list.map(kindOf))
  if (kinds.size !== 1 || kinds.has(undefined) || list.length > 64) return undefined
  const sets = list.map((item) => index.equal(db, name, kindOf(item)!, encode(item)))
  return { set: sets.reduce((a, b) => a.or(b)), exact: true }
}

interface RelatedChild {
  relation: RelationSpec
  child: IndexedMatch
}

/** The records a related block's criteria select (its label's records and, if unknown, all of them). */
function relatedChild(db: Database.Database, index: GraphIndex, label: string, block: Record<string, unknown>): RelatedChild {
  const { step } = parseRelatedBlock(label, block, 'where')
  const labelled = index.label(db, label)
  return { relation: step.relation, child: indexWhere(db, index, step.where, labelled) ?? { set: labelled, exact: false } }
}

/** The records with an edge of the block's relation to one of its matching children. */
function indexRelated(db: Database.Database, index: GraphIndex, { relation, child }: RelatedChild, candidates: RidSet | undefined): Known {
  const edges = index.edges(db)
  const types = relation.types ? new Set(relation.types.map((t) => edges.typeId(t))) : undefined
  const sides = edgeSides(relation)
  const out = new RidSet(Math.max(child.set.capacity, candidates?.capacity ?? 0))
  if (candidates && candidates.size < child.set.size) {
    // Probe each candidate's own edges for a matching neighbour.
    candidates.forEach((rid) => {
      if (sides.some((side) => edges.forEachNeighbour(rid, side, types, (n) => child.set.has(n)))) out.add(rid)
    })
  } else {
    // Expand from the matching children back along the edges.
    child.set.forEach((rid) => {
      for (const side of sides) edges.forEachNeighbour(rid, reverse(side), types, (n) => void out.add(n))
    })
  }
  return { set: out, exact: child.exact }
}

function combine(op: string, operands: Known[], universe: RidSet | undefined): Known {
  const known = operands.every((o): o is IndexedMatch => o !== undefined)
  const exact = known && operands.every((o) => o!.exact)
  switch (op) {
    case '$and':
      return intersectAll(universe && { set: universe, exact: true }, operands)
    case '$or':
      if (!known) return undefined
      // A branch the indexes could not narrow is the whole universe: so is the union (no bitmap work).
      if (universe && operands.some((o) => o!.set === universe)) return { set: universe, exact }
      return { set: operands.reduce((acc, o) => acc.or(o!.set), new RidSet()), exact }
  }
  // $not, $nor and $xor need exact operands: complementing a superset gives no bound at all.
  if (!exact || !universe || operands.length === 0) return undefined
  const sets = operands.map((o) => o!.set)
  if (op === '$not') return { set: universe.andNot(sets.reduce((a, b) => a.and(b))), exact: true }
  if (op === '$nor') return { set: universe.andNot(sets.reduce((a, b) => a.or(b))), exact: true }
  if (op === '$xor') return { set: RidSet.xor(sets), exact: true }
  return undefined
}

/**
 * The AND of `parts` starting from `start`: `undefined` while nothing constrains, and exact only
 * when every part was (an unknown part keeps its rows possible, so the result is a superset).
 */
function intersectAll(start: Known, parts: Known[]): Known {
  let set = start?.set
  let exact = start ? start.exact : true
  let constrained = start !== undefined
  for (const part of parts) {
    if (!part) {
      exact = false
      continue
    }
    if (set !== part.set) set = set ? set.and(part.set) : part.set
    exact &&= part.exact
    constrained = true
  }
  return constrained && set ? { set, exact } : undefined
}

function kindOf(value: unknown): ValueKind | undefined {
  if (typeof value === 'string') return 'string'
  if (typeof value === 'number') return 'number'
  if (typeof value === 'boolean') return 'boolean'
  return undefined
}

function encode(value: unknown): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : (value as string | number)
}

function reverse(side: Side): Side {
  return side === 'out' ? 'in' : 'out'
}

