import { runSearch } from '../../query/run-search.js'
import { validateSearchQuery } from '../../query/validate-search-query.js'
import { csvRow } from '../csv-row.js'
import { toCsv } from '../csv.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { objectBody, pick } from '../search-body.js'

const BATCH = 1000

/**
 * POST /records/export/csv: every record matching labels + where, in the query's order, as CSV
 * `{fileContent, dateTime}`. Labels are applied to the rows (v1.8 drops them; §10).
 */
export function exportCsvHandler(ctx: RouteContext): Reply {
  const query = validateSearchQuery(pick(objectBody(ctx.body), ['labels', 'where', 'orderBy']))
  const rows: Record<string, unknown>[] = []
  for (let skip = 0; ; skip += BATCH) {
    const page = runSearch(ctx.db, { ...query, limit: BATCH, skip }, undefined, ctx.index)
    for (const record of page.data) rows.push(csvRow(record as Record<string, unknown>))
    if (page.data.length < BATCH || skip + BATCH >= (page.total ?? 0)) break
  }
  return { data: { fileContent: toCsv(rows, ['__id', '__label']), dateTime: new Date().toISOString() } }
}
