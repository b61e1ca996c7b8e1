import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { findRecords } from '../loaders/find-records.js'
import { compileListQuery } from '../resolvers/compile-list-query.js'
import type { CompileScope } from '../resolvers/compile-selection.js'
import { afterCursor } from '../resolvers/keyset-cursor.js'
import type { ExportRequest } from './export-request.js'

/** Rows per RushDB call while exporting: RushDB's largest page. */
export const EXPORT_PAGE = 1000

/**
 * The records of an export, one page (one RushDB call) at a time, so memory holds one page however
 * many rows there are. Keyset pages ("after the last row's sort values") where the backend compares
 * strings and ids by range (embedded); offset pages in the same total order on a RushDB server.
 */
export async function* readExportPages(ctx: GatewayContext, scope: CompileScope, request: ExportRequest): AsyncGenerator<RecordShape[]> {
  const { mapping, keys, where } = request
  let left = request.limit ?? Infinity
  let last: RecordShape | undefined
  let skip = 0
  while (left > 0) {
    const size = Math.min(EXPORT_PAGE, left)
    const keyset = scope.profile.stringRanges
    const extra = keyset && last ? afterCursor(keys, keys.map((k) => (k.property === '__id' ? last!.__id : (last![k.property] ?? null)))) : undefined
    const query = compileListQuery(scope, mapping, { where, extra, keys, limit: size, skip: keyset ? 0 : skip, selectionSets: [], fold: false, countTotal: false })
    const { records } = await findRecords(ctx, query)
    if (records.length === 0) return
    yield records
    left -= records.length
    skip += records.length
    last = records[records.length - 1]
    if (records.length < size) return
  }
}
