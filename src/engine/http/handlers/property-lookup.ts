import type Database from 'better-sqlite3'
import { forbidden } from '../../errors.js'
import { propertyId } from '../../storage/property-id.js'
import { prepareCached } from '../statement-cache.js'

/** A property "node": one (name, type) pair present in `vals`. */
export interface PropertyPair {
  name: string
  type: string
}

const FIRST = 'SELECT name, type FROM vals ORDER BY name, type LIMIT 1'
const NEXT = 'SELECT name, type FROM vals WHERE (name, type) > (?, ?) ORDER BY name, type LIMIT 1'
const EXISTS = 'SELECT 1 FROM vals WHERE name = ? AND type = ? LIMIT 1'

// Ids are derived from the pair, so a cached entry is never wrong, only possibly gone.
const known = new Map<string, PropertyPair>()
const MAX_KNOWN = 10_000

/** Remembers the pair behind an id so GET /properties/:id rarely has to scan. */
export function rememberProperty(pair: PropertyPair): string {
  const id = propertyId(pair.name, pair.type)
  if (!known.has(id)) {
    if (known.size >= MAX_KNOWN) known.delete(known.keys().next().value as string)
    known.set(id, { name: pair.name, type: pair.type })
  }
  return id
}

/**
 * Every distinct (name, type) in `vals`, by a loose index scan: one index seek per pair instead
 * of a pass over every value row.
 */
export function listPropertyPairs(db: Database.Database): PropertyPair[] {
  const pairs: PropertyPair[] = []
  let row = prepareCached(db, FIRST).get() as PropertyPair | undefined
  while (row) {
    pairs.push(row)
    row = prepareCached(db, NEXT).get(row.name, row.type) as PropertyPair | undefined
  }
  return pairs
}

/** The pair whose property id is `id`, or 403 (v1.8's guard on `:propertyId`). */
export function propertyById(db: Database.Database, id: string): PropertyPair {
  const key = id.toLowerCase()
  const cached = known.get(key)
  if (cached && prepareCached(db, EXISTS).get(cached.name, cached.type)) return cached
  for (const pair of listPropertyPairs(db)) {
    if (rememberProperty(pair) === key) return pair
  }
  throw forbidden()
}
