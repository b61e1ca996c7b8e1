import SchemaBuilder from '@pothos/core'
import { GraphQLError, Kind } from 'graphql'
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

builder.addScalarType('DateTime', DateTimeResolver)
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
