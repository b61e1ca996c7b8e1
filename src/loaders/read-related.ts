import { GraphQLError } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import type { RelationLoad } from '../resolvers/compile-relation-load.js'
import { findRecords } from './find-records.js'

/** RushDB's largest page. */
const PAGE = 1000
/** Pages read for one batch before giving up (50k rows): a relation that large needs a filter. */
const MAX_PAGES = 50

/**
 * Loads one relation field for a batch of parents from plain RushDB: the children of all of them in
 * the field's order (one call while they fit in a 1000-row page), grouped by parent in the
 * gateway, each parent's offset/limit applied there. The trade-off against the engine's per-parent
 * `$collect`: every matching child of the batch is transferred, not only each parent's page.
 */
export async function readRelated(ctx: GatewayContext, load: RelationLoad, parentIds: readonly string[]): Promise<RecordShape[][]> {
  const rows = await readAllPages(ctx, load, parentIds)
  const wanted = new Set(parentIds)
  const groups = new Map<string, RecordShape[]>(parentIds.map((id) => [id, []]))
  for (const row of rows) {
    const child = { ...row }
    const parents = new Set<string>()
    for (const key of load.parentKeys) {
      for (const p of (row[key] as Array<{ __id?: string }> | undefined) ?? []) if (p?.__id && wanted.has(p.__id)) parents.add(p.__id)
      delete child[key]
    }
    for (const id of parents) groups.get(id)!.push(child)
  }
  return parentIds.map((id) => groups.get(id)!.slice(load.skip, load.skip + load.limit))
}

/**
 * Every child row of the batch, in order. RushDB before 2.10.2 pages before applying related
 * blocks, so a page can come back short although more rows match; `total` (always counted over
 * the whole filter) tells, and reading goes on until every matching row has been seen.
 */
async function readAllPages(ctx: GatewayContext, load: RelationLoad, parentIds: readonly string[]): Promise<RecordShape[]> {
  const base = load.query(parentIds)
  const rows: RecordShape[] = []
  const seen = new Set<string>()
  for (let page = 0; page < MAX_PAGES; page++) {
    const { records, total } = await findRecords(ctx, { ...base, limit: PAGE, ...(page > 0 ? { skip: page * PAGE } : {}) })
    for (const r of records) {
      if (seen.has(r.__id)) continue
      seen.add(r.__id)
      rows.push(r)
    }
    if (total === undefined || rows.length >= total) return rows
  }
  throw new GraphQLError(
    `could not read every related record of one batch of parents in ${MAX_PAGES} RushDB pages (the relation is very large, or changed while it was read); filter the relation or the parent list, or retry`,
    { extensions: { code: 'RELATION_READ_INCOMPLETE' } }
  )
}
