import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import { translateBackendError } from '../rushdb/translate-error.js'

/** One page of records and the number of records matching the filter (undefined when the query skipped it). */
export interface FoundRecords {
  records: RecordShape[]
  total: number | undefined
}

/** Runs one SearchQuery through the SDK: exactly one RushDB call. */
export async function findRecords(ctx: GatewayContext, query: GatewaySearchQuery): Promise<FoundRecords> {
  try {
    const result = await ctx.backend.sdk.records.find(query as never)
    // SDK 1.8.0 reports 0 when the answer has no total; a query that skipped it has none.
    return { records: result.data.map((r) => r.data as RecordShape), total: query.skipTotal ? undefined : result.total }
  } catch (error) {
    throw translateBackendError(error)
  }
}
