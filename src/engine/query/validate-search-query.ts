import { badRequest } from '../errors.js'
import { compileSearch } from './compile-search.js'
import { parseAggregateMap } from './parse-aggregate.js'
import { checkOrder, parseSelectMap } from './parse-select.js'
import type { SearchQuery } from './search-query.js'
import { isPlainObject } from './where-keys.js'

const TOP_KEYS = new Set(['labels', 'where', 'orderBy', 'limit', 'skip', 'aggregate', 'select', 'groupBy', 'skipTotal'])

/** Checks a search body's shape (and compiles it, so every `where` operator is checked): 400 on error. */
export function validateSearchQuery(body: unknown): SearchQuery {
  if (body === undefined || body === null) return {}
  if (!isPlainObject(body)) throw badRequest('search body must be an object')
  for (const key of Object.keys(body)) if (!TOP_KEYS.has(key)) throw badRequest(`${key}: unknown search key`)
  const { labels, where, orderBy, limit, skip, aggregate, select, groupBy, skipTotal } = body
  if (skipTotal !== undefined && typeof skipTotal !== 'boolean') throw badRequest('skipTotal: must be true or false')
  if (limit !== undefined && (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 1000)) {
    throw badRequest('limit: must be a number from 1 to 1000')
  }
  if (skip !== undefined && (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0)) throw badRequest('skip: must be a number ≥ 0')
  if (orderBy !== undefined) checkOrder(orderBy, 'orderBy')
  if (labels !== undefined && (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string' && l !== null))) {
    throw badRequest('labels: must be an array of strings')
  }
  if (where !== undefined && !isPlainObject(where)) throw badRequest('where: must be an object')
  if (select !== undefined && aggregate !== undefined) throw badRequest('select and aggregate cannot be used together')
  if (groupBy !== undefined && (!Array.isArray(groupBy) || groupBy.some((g) => typeof g !== 'string'))) {
    throw badRequest('groupBy: must be an array of strings')
  }
  const query = body as SearchQuery
  compileSearch(query)
  if (select !== undefined) parseSelectMap(select, 'select')
  if (aggregate !== undefined) parseAggregateMap(aggregate, 'aggregate')
  return query
}
