import { compileMatch } from '../../query/compile-match.js'
import { publicRelationType, type RelationOut } from '../../types.js'
import type { Reply } from '../envelope.js'
import { pagingFromQuery } from '../paging-params.js'
import type { RouteContext } from '../route-types.js'
import { matchQueryFrom } from '../search-body.js'
import { prepareCached } from '../statement-cache.js'

interface EdgeRow {
  sourceId: string
  sourceLabel: string | null
  targetId: string
  targetLabel: string | null
  type: string
}

/** The distinct edges touching the matched records (either end), as a CTE named `e`. */
function edgesCte(matchSql: string): string {
  return `WITH m(rid) AS (${matchSql}),
    e AS (
      SELECT src, dst, type FROM rels WHERE src IN (SELECT rid FROM m)
      UNION
      SELECT src, dst, type FROM rels WHERE dst IN (SELECT rid FROM m)
    )`
}

/**
 * POST /relationships/search?skip=&limit=: every relationship of a record matching the body's
 * labels + where, each once, with its true direction; paging from the query string.
 */
export function relationshipsSearchHandler(ctx: RouteContext): Reply {
  const { skip, limit } = pagingFromQuery(ctx.query)
  const { sql, params } = compileMatch(matchQueryFrom(ctx.body))
  const cte = edgesCte(sql)
  const total = prepareCached(ctx.db, `${cte} SELECT COUNT(*) FROM e`)
    .pluck()
    .get(...params) as number
  const rows = prepareCached(
    ctx.db,
    `${cte}
    SELECT s.id AS sourceId, s.label AS sourceLabel, t.id AS targetId, t.label AS targetLabel, e.type AS type
    FROM e JOIN records s ON s.rid = e.src JOIN records t ON t.rid = e.dst
    ORDER BY e.src, e.type, e.dst
    LIMIT ? OFFSET ?`
  ).all(...params, limit, skip) as EdgeRow[]
  const data = rows.map(toRelationOut)
  return { data, total }
}

function toRelationOut(row: EdgeRow): RelationOut {
  const out: RelationOut = {
    sourceId: row.sourceId,
    sourceLabel: row.sourceLabel ?? undefined,
    targetId: row.targetId,
    targetLabel: row.targetLabel ?? undefined,
    type: publicRelationType(row.type)
  }
  if (out.sourceLabel === undefined) delete out.sourceLabel
  if (out.targetLabel === undefined) delete out.targetLabel
  return out
}
