import { compileMatch } from '../../query/compile-match.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { matchQueryFrom } from '../search-body.js'
import { prepareCached } from '../statement-cache.js'
import { selectsEverything } from './delete-by-query.js'
import { listPropertyPairs, propertyById, rememberProperty, type PropertyPair } from './property-lookup.js'

/** The project id the embedded engine reports: it serves exactly one project. */
export const EMBEDDED_PROJECT_ID = '00000000-0000-7000-8000-000000000000'

/** POST /properties/search: the (name, type) pairs carried by the matching records. */
export function propertiesSearchHandler(ctx: RouteContext): Reply {
  const query = matchQueryFrom(ctx.body)
  let pairs: PropertyPair[]
  if (selectsEverything(query)) {
    pairs = listPropertyPairs(ctx.db)
  } else {
    const { sql, params } = compileMatch(query)
    pairs = prepareCached(
      ctx.db,
      `WITH m(rid) AS (${sql})
      SELECT DISTINCT name, type FROM vals WHERE rid IN (SELECT rid FROM m) ORDER BY name, type`
    ).all(...params) as PropertyPair[]
  }
  const data = pairs.map((p) => ({ id: rememberProperty(p), name: p.name, type: p.type, metadata: '', projectId: EMBEDDED_PROJECT_ID }))
  return { data }
}

/** GET /properties/:id: the property with the number of records carrying it. */
export function propertyByIdHandler(ctx: RouteContext): Reply {
  const pair = propertyById(ctx.db, ctx.params.id)
  const recordsCount = prepareCached(ctx.db, 'SELECT COUNT(DISTINCT rid) FROM vals WHERE name = ? AND type = ?')
    .pluck()
    .get(pair.name, pair.type) as number
  return { data: { id: ctx.params.id.toLowerCase(), name: pair.name, type: pair.type, metadata: '', recordsCount } }
}
