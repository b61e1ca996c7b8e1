import { coerceInputValue, GraphQLList, GraphQLNonNull, isInputType, type GraphQLInputType, type GraphQLSchema } from 'graphql'
import { compileOrder, type OrderByInput, type SortKey } from '../resolvers/compile-order.js'
import type { WhereInput } from '../resolvers/compile-where.js'
import type { TypeMapping } from '../schema/storage-mapping.js'

/** Output formats of the export route. */
export type ExportFormat = 'csv' | 'ndjson'

/** A validated export request: which records, in which order, how many at most, in which format. */
export interface ExportRequest {
  mapping: TypeMapping
  where?: WhereInput
  keys: SortKey[]
  /** Most rows to write (undefined: all). */
  limit?: number
  format: ExportFormat
}

/** A refusal of an export request: HTTP status, stable code, and a message saying what to fix. */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

/** Record types by every name a URL may use: root plural (`customers`), type name, label; case-insensitive. */
export function exportableTypes(schema: GraphQLSchema): Map<string, TypeMapping> {
  const types = new Map<string, TypeMapping>()
  for (const type of Object.values(schema.getTypeMap())) {
    const mapping = type.extensions?.rushdb as TypeMapping | undefined
    if (!mapping || type.name !== mapping.name) continue
    for (const name of [mapping.rootPlural, mapping.name, mapping.label]) types.set(name.toLowerCase(), mapping)
  }
  return types
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    throw new ExportError(400, 'BAD_USER_INPUT', `${name} must be JSON (URL-encoded), e.g. ${name}=${name === 'where' ? '{"status":{"eq":"open"}}' : '[{"createdAt":"ASC"}]'}`)
  }
}

/** Coerces a JSON value exactly as GraphQL would coerce a variable of `type`; 400 naming the first problem. */
function coerce(name: string, value: unknown, type: GraphQLInputType): unknown {
  const problems: string[] = []
  const result = coerceInputValue(value, type, (path, _invalid, error) => {
    problems.push(`${[name, ...path].join('.')}: ${error.message}`)
  })
  if (problems.length > 0) throw new ExportError(400, 'BAD_USER_INPUT', problems.slice(0, 5).join('; '))
  return result
}

function formatOf(url: URL, accept: string | null): ExportFormat {
  const asked = url.searchParams.get('format')
  if (asked !== null) {
    if (asked === 'csv' || asked === 'ndjson') return asked
    throw new ExportError(400, 'BAD_USER_INPUT', `format must be csv or ndjson, got ${JSON.stringify(asked)}`)
  }
  if (accept && /application\/(x-)?ndjson|application\/jsonl/i.test(accept)) return 'ndjson'
  return 'csv'
}

const KNOWN_PARAMS = new Set(['where', 'orderBy', 'limit', 'format'])

/** Reads `/export/<type>?where=…&orderBy=…&limit=…&format=…` into an export request, or throws an ExportError. */
export function parseExportRequest(schema: GraphQLSchema, typeName: string, url: URL, accept: string | null): ExportRequest {
  const types = exportableTypes(schema)
  const mapping = types.get(decodeURIComponent(typeName).toLowerCase())
  if (!mapping) {
    const known = [...new Set([...types.values()].map((m) => m.rootPlural))].sort()
    throw new ExportError(404, 'NOT_FOUND', `no record type "${typeName}"; export one of: ${known.join(', ')}`)
  }
  for (const key of url.searchParams.keys()) {
    if (!KNOWN_PARAMS.has(key)) throw new ExportError(400, 'BAD_USER_INPUT', `unknown parameter ${key}; use where, orderBy, limit, format`)
  }
  const whereType = schema.getType(`${mapping.name}Where`)
  const orderType = schema.getType(`${mapping.name}OrderBy`)
  if (!isInputType(whereType) || !isInputType(orderType)) throw new Error(`${mapping.name} has no Where/OrderBy input`)
  const whereText = url.searchParams.get('where')
  const orderText = url.searchParams.get('orderBy')
  const where = whereText === null ? undefined : (coerce('where', parseJson('where', whereText), whereType) as WhereInput)
  const orderBy = orderText === null ? undefined : (coerce('orderBy', parseJson('orderBy', orderText), new GraphQLList(new GraphQLNonNull(orderType))) as OrderByInput)
  let limit: number | undefined
  const limitText = url.searchParams.get('limit')
  if (limitText !== null) {
    limit = Number(limitText)
    if (!/^\d+$/.test(limitText) || limit < 1) throw new ExportError(400, 'BAD_USER_INPUT', `limit must be a positive integer, got ${JSON.stringify(limitText)}`)
  }
  let keys: SortKey[]
  try {
    keys = compileOrder(mapping, orderBy)
  } catch (error) {
    throw new ExportError(400, 'BAD_USER_INPUT', (error as Error).message)
  }
  return { mapping, where, keys, limit, format: formatOf(url, accept) }
}
