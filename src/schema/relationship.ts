import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { linkRecords } from '../writes/link-records.js'
import { catalogFromSchema } from '../writes/write-catalog.js'
import { accountMapping } from './account.js'
import { defineAnyRecord } from './any-record.js'
import { customerMapping } from './customer.js'
import { eventMapping } from './event.js'
import { featureUsageMapping } from './feature-usage.js'
import { invoiceMapping } from './invoice.js'
import { orderMapping } from './order.js'
import { subscriptionMapping } from './subscription.js'
import { ticketMapping } from './ticket.js'
import { touchpointMapping } from './touchpoint.js'

const b = builder as any
const MAPPINGS = [accountMapping, customerMapping, eventMapping, featureUsageMapping, invoiceMapping, orderMapping, subscriptionMapping, ticketMapping, touchpointMapping]

defineAnyRecord(MAPPINGS.map((m) => m.name))

b.inputType('RecordRef', {
  description: 'Any existing record, named by exactly one of its id or a natural key.',
  fields: (t: any) => {
    const fields: Record<string, unknown> = { id: t.id({ description: 'The record id (any label).' }) }
    for (const m of MAPPINGS) if (m.naturalKey) fields[m.naturalKey] = t.string({ description: `A ${m.name} by ${m.naturalKey}.` })
    return fields
  }
})

interface LinkResult {
  from: RecordShape
  to: RecordShape
  type: string | null
  direction: 'out' | 'in' | null
}

b.objectType('RelationshipPayload', {
  description: 'The two records and the relationship attached or detached between them.',
  fields: (t: any) => ({
    from: t.field({ type: 'AnyRecord', nullable: false, resolve: (r: LinkResult) => r.from }),
    to: t.field({ type: 'AnyRecord', nullable: false, resolve: (r: LinkResult) => r.to }),
    type: t.string({ description: 'The relationship type; null when a detach removed every type.', resolve: (r: LinkResult) => r.type }),
    direction: t.field({ type: 'RelationDirection', description: 'Null when a detach removed both directions.', resolve: (r: LinkResult) => r.direction })
  })
})

interface LinkArgs {
  from: Record<string, unknown>
  to: Record<string, unknown>
  type?: string | null
  direction?: 'out' | 'in' | null
}

const link = (mode: 'attach' | 'detach') => (_: unknown, args: LinkArgs, ctx: GatewayContext, info: GraphQLResolveInfo) =>
  linkRecords(ctx.backend.sdk, catalogFromSchema(info.schema), args.from, args.to, { type: args.type, direction: args.direction }, mode)

b.mutationFields((t: any) => ({
  attach: t.field({
    type: 'RelationshipPayload',
    description: 'Links two records with a typed, directed relationship. Attaching again changes nothing (attaching the other way round flips it).',
    args: {
      from: t.arg({ type: 'RecordRef', required: true }),
      to: t.arg({ type: 'RecordRef', required: true }),
      type: t.arg.string({ description: "Relationship type, e.g. BELONGS_TO (default: RushDB's default type)." }),
      direction: t.arg({ type: 'RelationDirection', defaultValue: 'out' })
    },
    resolve: link('attach')
  }),
  detach: t.field({
    type: 'RelationshipPayload',
    description: 'Removes relationships between two records: of `type` only when given, in `direction` only when given. Removing what is not there is not an error.',
    args: {
      from: t.arg({ type: 'RecordRef', required: true }),
      to: t.arg({ type: 'RecordRef', required: true }),
      type: t.arg.string(),
      direction: t.arg({ type: 'RelationDirection' })
    },
    resolve: link('detach')
  })
}))
