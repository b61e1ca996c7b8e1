import { badInput } from './insight-errors.js'

/** Where a journey page ended: the time of its last entry and the ids already returned at that time. */
export interface JourneyCursor {
  /** The last entry's time as stored. */
  at: string
  /** Ids of the entries at exactly `at` that were returned (entries at the same instant are paged by id). */
  ids: string[]
  /** The order the cursor was made for; a cursor is only valid in that order. */
  order: 'desc' | 'asc'
}

/** An opaque cursor string. */
export function encodeJourneyCursor(cursor: JourneyCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.at, cursor.ids])).toString('base64url')
}

/** Decodes `after`; a cursor that is not one, or made for the other order, is a BAD_USER_INPUT. */
export function decodeJourneyCursor(value: string, order: 'desc' | 'asc'): JourneyCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'))
  } catch {
    parsed = undefined
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || (parsed[0] !== 'desc' && parsed[0] !== 'asc') || typeof parsed[1] !== 'string' || Number.isNaN(Date.parse(parsed[1])) || !Array.isArray(parsed[2]) || !parsed[2].every((id) => typeof id === 'string')) {
    throw badInput('after is not a journey cursor; pass the endCursor (or an entry cursor) of a previous customerJourney page')
  }
  if (parsed[0] !== order) throw badInput(`after was made for the ${parsed[0] === 'desc' ? 'NEWEST_FIRST' : 'OLDEST_FIRST'} order; ask with the same order, or start again without after`)
  return { order, at: parsed[1], ids: parsed[2] }
}
