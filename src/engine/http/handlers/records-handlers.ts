import { badRequest } from '../../errors.js'
import { isRecordId } from '../../ids.js'
import { runSearch } from '../../query/run-search.js'
import type { SearchQuery } from '../../query/search-query.js'
import { validateSearchQuery } from '../../query/validate-search-query.js'
import { hydrateRecord } from '../../storage/record-store.js'
import type { RecordOut } from '../../types.js'
import { createRecord } from '../../write/create-record.js'
import { deleteRecordById } from '../../write/delete-records.js'
import { importJson } from '../../write/import-json.js'
import { updateRecord } from '../../write/update-record.js'
import { assertNoDisallowedKeys } from '../../write/write-guard.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { objectBody } from '../search-body.js'
import { existingRecord } from './record-lookup.js'

/** True for `{ids: [...]}` alone: SDK `findById([ids])`, served as a batch get (deviation). */
export function isIdsBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false
  const keys = Object.keys(body)
  return keys.length === 1 && keys[0] === 'ids'
}

/** POST /records `{ids}`: the records that exist, in the order asked, each once. */
export function batchGetRecords(ctx: RouteContext): Reply {
  const ids = (ctx.body as { ids: unknown }).ids
  if (!Array.isArray(ids)) throw badRequest('ids must be an array of record ids')
  const bad = ids.find((id) => !isRecordId(id))
  if (bad !== undefined) throw badRequest(`ids must be record ids (UUIDs); got ${JSON.stringify(bad)}`)
  const seen = new Set<string>()
  const data: RecordOut[] = []
  for (const id of ids as string[]) {
    const key = id.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    const row = ctx.store.rowById(key)
    if (row) data.push(hydrateRecord(row))
  }
  return { data, total: data.length }
}

/** POST /records: create one record. */
export function createRecordHandler(ctx: RouteContext): Reply {
  assertNoDisallowedKeys(ctx.body)
  return { data: createRecord(ctx.store, ctx.body) }
}

/** GET /records/:id. */
export function getRecordHandler(ctx: RouteContext): Reply {
  return { data: hydrateRecord(existingRecord(ctx.store, ctx.params.id)) }
}

/** PATCH (merge) or PUT (replace) /records/:id. */
export function updateRecordHandler(mode: 'merge' | 'replace'): (ctx: RouteContext) => Reply {
  return (ctx) => {
    assertNoDisallowedKeys(ctx.body)
    return { data: updateRecord(ctx.store, ctx.params.id, ctx.body, mode) }
  }
}

/** POST /records/search. Query errors are 400 with a message (v1.8 hides them behind a 404). */
export function searchRecordsHandler(ctx: RouteContext): Reply {
  const query = validateSearchQuery(objectBody(ctx.body))
  return searchReply(query, runSearch(ctx.db, query, undefined, ctx.index))
}

/** The envelope of a search: no `total` at all when the query asked to skip it (extension). */
function searchReply(query: SearchQuery, result: { data: unknown[]; total: number | undefined }): Reply {
  return query.skipTotal ? { data: result.data } : result
}

/** POST /records/:id/search: the search restricted to records directly related to `:id`. */
export function searchRelatedHandler(ctx: RouteContext): Reply {
  const row = existingRecord(ctx.store, ctx.params.id)
  const query = validateSearchQuery(objectBody(ctx.body))
  return searchReply(query, runSearch(ctx.db, query, { relatedToRid: row.rid }))
}

/**
 * POST /records/import/json. Returns the records when `options.returnResult` is true, else
 * `data: []` instead of v1.8's `true` (on which SDK 1.8.0 throws after the import committed).
 */
export function importJsonHandler(ctx: RouteContext): Reply {
  assertNoDisallowedKeys(ctx.body)
  const records = importJson(ctx.store, ctx.body)
  const options = objectBody(ctx.body).options as Record<string, unknown> | undefined
  if (options && typeof options === 'object' && options.returnResult === true) {
    return { data: records, total: records.length }
  }
  return { data: [] }
}

/** DELETE /records/:id. */
export function deleteRecordHandler(ctx: RouteContext): Reply {
  deleteRecordById(ctx.store, ctx.params.id)
  return { data: { message: `Record ${ctx.params.id} was successfully deleted` } }
}
