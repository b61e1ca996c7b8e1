import { GraphQLError } from 'graphql'
import type { SortKey } from './compile-order.js'

/**
 * A cursor for backends that cannot compare strings or ids by range (plain RushDB): the row's
 * position in the ordered list and its id. The next page starts AT that position and must find
 * the same row there, so a list that changed under the cursor is detected instead of silently
 * skipping or repeating rows.
 */
export interface AnchoredCursor {
  offset: number
  id: string
}

function signature(keys: SortKey[]): string {
  return keys.map((k) => `${k.property}:${k.direction}`).join(',')
}

/** Encodes the cursor of the row at `offset` (with id `id`) of a list ordered by `keys`. */
export function encodeAnchoredCursor(keys: SortKey[], offset: number, id: string): string {
  return Buffer.from(JSON.stringify({ o: offset, id, s: signature(keys) })).toString('base64url')
}

/** Decodes an anchored cursor made for the same order; a clear error otherwise. */
export function decodeAnchoredCursor(keys: SortKey[], cursor: string, argName: string): AnchoredCursor {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = undefined
  }
  const v = value as { o?: unknown; id?: unknown; s?: unknown } | undefined
  if (!v || typeof v !== 'object' || !Number.isInteger(v.o) || (v.o as number) < 0 || typeof v.id !== 'string' || v.s !== signature(keys)) {
    throw new GraphQLError(`${argName} is not a cursor of this list with this orderBy; pass an endCursor/startCursor returned by the same query`, {
      extensions: { code: 'BAD_USER_INPUT' }
    })
  }
  return { offset: v.o as number, id: v.id }
}

/** The error for a cursor whose row is gone or moved beyond recognition: the client restarts paging. */
export function staleCursorError(argName: string): GraphQLError {
  return new GraphQLError(
    `${argName} points at a row that is no longer where it was (the list changed since the cursor was issued); page again from the first page`,
    { extensions: { code: 'CURSOR_STALE' } }
  )
}
