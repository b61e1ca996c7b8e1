import { badRequest } from '../../errors.js'
import { compileMatch } from '../../query/compile-match.js'
import { validateSearchQuery } from '../../query/validate-search-query.js'
import { datetimeToEpoch } from '../../storage/datetime.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { objectBody, pick } from '../search-body.js'
import { prepareCached } from '../statement-cache.js'
import { propertyById, type PropertyPair } from './property-lookup.js'

type Scalar = string | number | boolean

const ORDER_SQL = { asc: 'v ASC', desc: 'v DESC', none: 'first ASC' } as const

/**
 * POST /properties/:id/values (§5.8): the distinct non-null values of the property on records
 * matching labels + where, optionally filtered by `query` (case-insensitive substring), ordered
 * by value (`orderBy`) or by first record, sliced by skip/limit; `{}` when nothing matches.
 */
export function propertyValuesHandler(ctx: RouteContext): Reply {
  const pair = propertyById(ctx.db, ctx.params.id)
  if (pair.type === 'vector') throw badRequest('Values of a vector property cannot be listed')
  const body = objectBody(ctx.body)
  const search = validateSearchQuery(pick(body, ['labels', 'where', 'limit', 'skip']))
  const order = body.orderBy === undefined ? 'none' : body.orderBy
  if (order !== 'none' && order !== 'asc' && order !== 'desc') throw badRequest('orderBy must be "asc" or "desc"')
  if (body.query !== undefined && typeof body.query !== 'string') throw badRequest('query must be a string')

  const { sql, params } = compileMatch({ labels: search.labels, where: search.where })
  const raw = prepareCached(
    ctx.db,
    `WITH m(rid) AS (${sql})
    SELECT v, MIN(rid) AS first FROM vals
    WHERE name = ? AND type = ? AND v IS NOT NULL AND rid IN (SELECT rid FROM m)
    GROUP BY v ORDER BY ${ORDER_SQL[order]}`
  )
    .pluck()
    .all(...params, pair.name, pair.type) as Array<string | number>
  let values: Scalar[] = raw.map((v) => (pair.type === 'boolean' ? v === 1 : v))
  if (typeof body.query === 'string') {
    const needle = body.query.toLowerCase()
    values = values.filter((v) => String(v).toLowerCase().includes(needle))
  }
  if (values.length === 0) return { data: {} }
  const skip = search.skip ?? 0
  const limit = search.limit ?? 100
  const { min, max } = valueRange(pair, values)
  return { data: { values: values.slice(skip, skip + limit), min, max, type: pair.type } }
}

/** Neo4j `toFloatOrNull` of a value (booleans have none). */
function toFloatOrNull(value: Scalar): number | null {
  if (typeof value === 'number') return value
  if (typeof value !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return null
  return Number(value)
}

function valueRange(pair: PropertyPair, values: Scalar[]): { min: Scalar | null; max: Scalar | null } {
  // Datetimes report their earliest/latest instants as the stored strings; others as floats.
  const keyed: Array<[number, Scalar]> =
    pair.type === 'datetime'
      ? (values as string[]).map((v): [number, Scalar] => [datetimeToEpoch(v) ?? Number.NaN, v]).filter(([t]) => !Number.isNaN(t))
      : values.map((v) => toFloatOrNull(v)).filter((n): n is number => n !== null).map((n): [number, Scalar] => [n, n])
  if (keyed.length === 0) return { min: null, max: null }
  let min = keyed[0]
  let max = keyed[0]
  for (const entry of keyed) {
    if (entry[0] < min[0]) min = entry
    if (entry[0] > max[0]) max = entry
  }
  return { min: min[1], max: max[1] }
}
