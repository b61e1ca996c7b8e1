import { badRequest } from '../../errors.js'
import { compileMatch } from '../../query/compile-match.js'
import type { SearchQuery } from '../../query/search-query.js'
import { deleteRecordsByRids } from '../../write/delete-records.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { matchQueryFrom } from '../search-body.js'
import { prepareCached } from '../statement-cache.js'

/** True when the query would select every record: no labels and no (or an empty) `where`. */
export function selectsEverything(query: SearchQuery): boolean {
  const noLabels = !query.labels || query.labels.length === 0
  const noWhere = !query.where || Object.keys(query.where).length === 0
  return noLabels && noWhere
}

/**
 * POST /records/delete: deletes every record matching labels + where (limit, skip and orderBy are
 * ignored, as in v1.8), in the request's single transaction. Unlike v1.8, a body that would match
 * everything is refused, so a missing `where` never wipes the database by accident.
 */
export function deleteByQueryHandler(ctx: RouteContext): Reply {
  const query = matchQueryFrom(ctx.body)
  if (selectsEverything(query)) throw badRequest('refusing to delete every record; pass a where')
  const { sql, params } = compileMatch(query)
  const rids = prepareCached(ctx.db, sql)
    .pluck()
    .all(...params) as number[]
  deleteRecordsByRids(ctx.store, rids)
  return { data: { message: 'Records were successfully deleted' } }
}
