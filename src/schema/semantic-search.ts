import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { callRest } from '../loaders/call-rest.js'
import { scopeOf } from '../loaders/root-queries.js'
import { checkLimit, checkOffset } from '../resolvers/compile-selection.js'
import { compileWhere, type WhereInput } from '../resolvers/compile-where.js'
import { propertyNameProblem } from '../writes/property-values.js'
import { badInput } from '../writes/write-errors.js'
import { eventMapping } from './event.js'
import type { TypeMapping } from './storage-mapping.js'
import { ticketMapping } from './ticket.js'

/** A record ranked by a semantic search, with its score. */
interface Hit {
  score: number
  record: RecordShape
}

/** A semantic search field: which type, which text property by default, and the field's name. */
interface SearchSpec {
  mapping: TypeMapping
  field: string
  resultField: string
  defaultProperty: string
}

const SPECS: SearchSpec[] = [
  { mapping: ticketMapping, field: 'searchTickets', resultField: 'ticket', defaultProperty: 'body' },
  { mapping: eventMapping, field: 'searchEvents', resultField: 'event', defaultProperty: 'description' }
]

const b = builder as any

/**
 * Ranks a type's records by similarity to `query` over the embedding index of `property`, among
 * the records matching `where` (the type's ordinary filter, applied by storage before ranking):
 * one RushDB call (`POST /ai/search`); relation fields of the hits load like any list's.
 */
async function semanticSearch(spec: SearchSpec, args: { query: string; where?: WhereInput; limit?: number; offset?: number; property?: string }, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<Hit[]> {
  const query = args.query.trim()
  if (query === '') throw badInput('query', 'must contain some text to search for')
  if (query.length > 10_000) throw badInput('query', 'must be at most 10000 characters')
  const property = args.property ?? spec.defaultProperty
  const problem = propertyNameProblem(property)
  if (problem) throw badInput('property', problem)
  const limit = checkLimit('limit', args.limit, ctx.config.pageSize, ctx.config.pageSize.default)
  const skip = checkOffset(args.offset)
  const where = compileWhere(spec.mapping, args.where, scopeOf(ctx, info))
  const body: Record<string, unknown> = { labels: [spec.mapping.label], propertyName: property, query, limit, skip }
  if (Object.keys(where).length > 0) body.where = where
  const records = await callRest<Array<RecordShape & { __score: number }>>(ctx, 'POST', '/ai/search', body)
  return records.map(({ __score, ...record }) => ({ score: __score, record: record as RecordShape }))
}

for (const spec of SPECS) {
  const name = spec.mapping.name
  b.objectType(`${name}SearchHit`, {
    description: `A ${name} ranked by semantic search: the record, with all its fields and relations, and its score.`,
    fields: (t: any) => ({
      score: t.float({ nullable: false, description: 'Cosine similarity of the query and the text, from -1 to 1 (higher is closer).', resolve: (h: Hit) => h.score }),
      [spec.resultField]: t.field({ type: name, nullable: false, resolve: (h: Hit) => h.record })
    })
  })
  b.queryFields((t: any) => ({
    [spec.field]: t.field({
      type: [`${name}SearchHit`],
      nullable: false,
      description: `${name} records ranked by semantic similarity of their \`${spec.defaultProperty}\` (or \`property\`) to \`query\`, best first. \`where\` is the same exact filter as \`${spec.mapping.rootPlural}\` and is applied before ranking (e.g. plan, status, sentiment). Needs an embedding index on ${spec.mapping.label}.${spec.defaultProperty} (createEmbeddingIndex); NOT_FOUND otherwise.`,
      args: {
        query: t.arg.string({ required: true, description: 'The text to search for.' }),
        where: t.arg({ type: `${name}Where`, description: 'Exact filter applied before ranking.' }),
        limit: t.arg.int({ description: 'Hits to return (default and maximum are the configured page sizes).' }),
        offset: t.arg.int({ description: 'Hits to skip.' }),
        property: t.arg.string({ description: `The indexed text property (default ${spec.defaultProperty}).` })
      },
      resolve: (_: unknown, args: any, ctx: GatewayContext, info: GraphQLResolveInfo) => semanticSearch(spec, args, ctx, info)
    })
  }))
}
