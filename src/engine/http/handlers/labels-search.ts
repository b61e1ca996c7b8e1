import { compileMatch } from '../../query/compile-match.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { matchQueryFrom } from '../search-body.js'
import { prepareCached } from '../statement-cache.js'

/**
 * POST /labels/search: `{label: count}` over the records matching the body's labels + where,
 * most frequent label first. Unlabelled records are not counted (they have no label to report).
 */
export function labelsSearchHandler(ctx: RouteContext): Reply {
  const { sql, params } = compileMatch(matchQueryFrom(ctx.body))
  const rows = prepareCached(
    ctx.db,
    `WITH m(rid) AS (${sql})
    SELECT r.label AS label, COUNT(*) AS n FROM records r
    WHERE r.rid IN (SELECT rid FROM m) AND r.label IS NOT NULL
    GROUP BY r.label ORDER BY n DESC, r.label`
  ).all(...params) as Array<{ label: string; n: number }>
  const data: Record<string, number> = {}
  for (const row of rows) {
    Object.defineProperty(data, row.label, { value: row.n, enumerable: true, writable: true, configurable: true })
  }
  return { data }
}
