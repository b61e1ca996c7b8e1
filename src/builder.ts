import SchemaBuilder from '@pothos/core'
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql'
import { DateTimeResolver, EmailAddressResolver, JSONResolver } from 'graphql-scalars'
import type { GatewayContext } from './context.js'

/** A RushDB record as it flows through resolvers: its properties plus `__id`, `__label` and folded relations. */
export type RecordShape = Record<string, unknown> & { __id: string; __label?: string }

/** The Pothos builder: context type and the graphql-scalars scalars. Domain types live in src/schema. */
export const builder = new SchemaBuilder<{
  Context: GatewayContext
  DefaultFieldNullability: true
  Scalars: {
    DateTime: { Input: Date; Output: Date | string }
    JSON: { Input: unknown; Output: unknown }
    EmailAddress: { Input: string; Output: string }
    Money: { Input: number; Output: number }
  }
}>({})

// RFC 3339 date-times as graphql-scalars defines them, plus plain dates (midnight UTC): payloads
// such as the seeds' `renewsAt: "2026-08-01"` are dates, and RushDB stores both as text.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const widen = (value: unknown) => (typeof value === 'string' && DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value)
builder.addScalarType(
  'DateTime',
  new GraphQLScalarType({
    ...DateTimeResolver.toConfig(),
    description: `${DateTimeResolver.description} A plain date (YYYY-MM-DD) is read as midnight UTC.`,
    serialize: (value) => DateTimeResolver.serialize(widen(value)),
    parseValue: (value) => DateTimeResolver.parseValue(widen(value)),
    parseLiteral: (ast, variables) =>
      ast.kind === Kind.STRING ? DateTimeResolver.parseValue(widen(ast.value)) : DateTimeResolver.parseLiteral(ast, variables)
  })
)
builder.addScalarType('JSON', JSONResolver)
builder.addScalarType('EmailAddress', EmailAddressResolver)
function money(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new GraphQLError(`Money must be a finite number, got ${JSON.stringify(value)}`, { extensions: { code: 'BAD_USER_INPUT' } })
}

builder.scalarType('Money', {
  description: 'An amount of money in US dollars, as a number (negative for refunds and credits).',
  serialize: (v) => money(v),
  parseValue: (v) => money(v),
  parseLiteral: (ast) => money(ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : undefined)
})

builder.queryType({ description: 'Read the customer graph.' })
builder.mutationType({ description: 'Write the customer graph: upserts by natural key, status changes, events, relationships, guarded deletes.' })
