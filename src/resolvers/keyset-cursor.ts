import { GraphQLError } from 'graphql'
import type { SortKey } from './compile-order.js'
import { allOf, type Where } from './search-query.js'

/** What a cursor holds: the sort-key values of the row it points at (the last one is the id). */
type CursorValues = unknown[]

/** Encodes a row's sort-key values as an opaque cursor. */
export function encodeCursor(keys: SortKey[], record: Record<string, unknown>): string {
  const values = keys.map((k) => (k.property === '__id' ? record.__id : (record[k.property] ?? null)))
  return Buffer.from(JSON.stringify(values)).toString('base64url')
}

/** Decodes a cursor made for the same sort keys; a clear error otherwise. */
export function decodeCursor(keys: SortKey[], cursor: string, argName: string): CursorValues {
  let values: unknown
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    values = undefined
  }
  if (!Array.isArray(values) || values.length !== keys.length || typeof values[values.length - 1] !== 'string') {
    throw new GraphQLError(`${argName} is not a cursor of this list with this orderBy; pass an endCursor/startCursor returned by the same query`, {
      extensions: { code: 'BAD_USER_INPUT' }
    })
  }
  return values
}

function equalTo(key: SortKey, value: unknown): Where {
  if (value === null) return { [key.property]: { $exists: false } }
  return key.property === '__id' ? { $id: value } : { [key.property]: value }
}

/** Rows strictly after `value` in the key's direction; missing values sort last ascending, first descending. */
function after(key: SortKey, value: unknown): Where | undefined {
  const name = key.property === '__id' ? '$id' : key.property
  if (key.direction === 'asc') {
    if (value === null) return undefined
    if (name === '$id') return { $id: { $gt: value } }
    return { $or: [{ [name]: { $gt: value } }, { [name]: { $exists: false } }] }
  }
  if (value === null) return { [name]: { $exists: true } }
  return { [name]: { $lt: value } }
}

/**
 * The keyset predicate "after this cursor": (k1 > v1) OR (k1 = v1 AND k2 > v2) OR …, ending with
 * the id, so a page deep in a large list costs what the first page costs.
 */
export function afterCursor(keys: SortKey[], values: CursorValues): Where {
  const branches: Where[] = []
  for (let i = 0; i < keys.length; i++) {
    const tail = after(keys[i], values[i])
    if (!tail) continue
    branches.push(allOf([...keys.slice(0, i).map((k, j) => equalTo(k, values[j])), tail]))
  }
  return branches.length === 1 ? branches[0] : { $or: branches }
}

/** The same keys in the opposite direction, for `last`/`before` pages read backwards. */
export function reverseKeys(keys: SortKey[]): SortKey[] {
  return keys.map((k) => ({ ...k, direction: k.direction === 'asc' ? 'desc' : 'asc' }))
}
