import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { decodeAnchoredCursor, encodeAnchoredCursor, staleCursorError, type AnchoredCursor } from '../resolvers/anchored-cursor.js'
import { compileListQuery } from '../resolvers/compile-list-query.js'
import { reverseKeys } from '../resolvers/keyset-cursor.js'
import type { ConnectionPage, PageRequest } from './connection-page.js'
import { findRecords } from './find-records.js'

/** How far either side of its old position a moved anchor row is looked for (one extra call). */
const RELOCATE_WINDOW = 200

interface Slice {
  records: RecordShape[]
  total: number | undefined
}

async function fetchSlice(req: PageRequest, ctx: GatewayContext, skip: number, limit: number, reversed = false): Promise<Slice> {
  const query = compileListQuery(req.scope, req.mapping, {
    where: req.where,
    keys: reversed ? reverseKeys(req.keys) : req.keys,
    limit,
    skip,
    selectionSets: req.selectionSets,
    fold: ctx.config.foldRelations,
    // The last page is placed by the total, so that query always counts.
    countTotal: req.wantsTotal || reversed
  })
  return findRecords(ctx, query)
}

/** The anchor row's current position: where it was, or near it (rows inserted/deleted before it); else undefined. */
async function relocate(req: PageRequest, ctx: GatewayContext, anchor: AnchoredCursor): Promise<number | undefined> {
  const skip = Math.max(0, anchor.offset - RELOCATE_WINDOW)
  const window = await fetchSlice(req, ctx, skip, Math.min(1000, anchor.offset - skip + RELOCATE_WINDOW + 1))
  const index = window.records.findIndex((r) => r.__id === anchor.id)
  return index < 0 ? undefined : skip + index
}

/**
 * Runs `attempt` at the anchor's recorded offset; if the anchor row is not there, finds where it
 * moved and tries once more there; if it is gone, the cursor is stale (an error, never a page
 * that silently skips or repeats rows).
 */
async function atAnchor<T>(req: PageRequest, ctx: GatewayContext, anchor: AnchoredCursor, argName: string, attempt: (offset: number) => Promise<T | undefined>): Promise<T> {
  const first = await attempt(anchor.offset)
  if (first !== undefined) return first
  const moved = await relocate(req, ctx, anchor)
  const second = moved === undefined ? undefined : await attempt(moved)
  if (second === undefined) throw staleCursorError(argName)
  return second
}

function toPage(req: PageRequest, rows: RecordShape[], firstOffset: number, total: number | undefined, hasPreviousPage: boolean, hasNextPage: boolean): ConnectionPage {
  const edges = rows.map((node, i) => ({ cursor: encodeAnchoredCursor(req.keys, firstOffset + i, node.__id), node }))
  return {
    edges,
    totalCount: req.wantsTotal ? total : undefined,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges[edges.length - 1]?.cursor ?? null }
  }
}

/**
 * Connection paging for backends without range comparison on strings and ids (plain RushDB
 * rejects `$gt` on a non-datetime string and on `$id`), where keyset cursors cannot be expressed.
 * A cursor is the row's offset plus its id: the next page is read from that offset and must start
 * with that row, so rows inserted or deleted after the cursor are seen as keyset paging would see
 * them; if rows before it changed, the row is looked up nearby (one more call), and if it is gone
 * the query fails with CURSOR_STALE rather than skip or repeat rows. Deep pages cost the backend
 * an offset scan. The page query's own `total` is the full count, so `totalCount` is free.
 */
export async function anchoredPage(req: PageRequest, ctx: GatewayContext): Promise<ConnectionPage> {
  const { size, cursor } = req
  if (!req.backwards) {
    if (!cursor) {
      const { records, total } = await fetchSlice(req, ctx, 0, size + 1)
      return toPage(req, records.slice(0, size), 0, total, false, records.length > size)
    }
    const anchor = decodeAnchoredCursor(req.keys, cursor, 'after')
    return atAnchor(req, ctx, anchor, 'after', async (offset) => {
      const { records, total } = await fetchSlice(req, ctx, offset, size + 2)
      if (records[0]?.__id !== anchor.id) return undefined
      return toPage(req, records.slice(1, size + 1), offset + 1, total, true, records.length > size + 1)
    })
  }
  if (!cursor) {
    // The last rows: the reversed order's first rows; the total places them.
    const { records, total } = await fetchSlice(req, ctx, 0, size + 1, true)
    const page = records.slice(0, size).reverse()
    const count = total ?? records.length
    return toPage(req, page, count - page.length, total, records.length > size, false)
  }
  const anchor = decodeAnchoredCursor(req.keys, cursor, 'before')
  return atAnchor(req, ctx, anchor, 'before', async (offset) => {
    const start = Math.max(0, offset - size)
    const { records, total } = await fetchSlice(req, ctx, start, offset - start + 1)
    if (records[offset - start]?.__id !== anchor.id) return undefined
    return toPage(req, records.slice(0, offset - start), start, total, start > 0, true)
  })
}
