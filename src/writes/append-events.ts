import type { RushDB } from '@rushdb/javascript-sdk'
import { importPayloads, type WriteLimits } from './import-payloads.js'
import type { WriteCatalog } from './write-catalog.js'
import { joinPath, type InputProblem } from './write-errors.js'
import type { WriteOutcome } from './write-graph.js'

/**
 * Appends events to existing customers, keyed by `customerId` (the customer must exist) and
 * `eventId`: an event whose id is already stored is skipped, so sending a batch twice adds
 * nothing. One transaction: a batch naming an unknown customer writes nothing.
 */
export function appendEvents(
  db: RushDB, catalog: WriteCatalog, events: ReadonlyArray<Record<string, unknown>>, limits: WriteLimits, argName = 'events', problems: InputProblem[] = []
): Promise<WriteOutcome> {
  // `customerId` names the customer (a reference: it must exist), as in an analytics export.
  const items = events.map((event, i) => ({ value: event, path: joinPath(argName, i) }))
  return importPayloads(db, catalog, { label: 'EVENT', rootMode: 'append' }, items, limits, problems)
}
