import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { appendEvents } from '../writes/append-events.js'
import { catalogFromSchema } from '../writes/write-catalog.js'
import { joinPath, type InputProblem } from '../writes/write-errors.js'
import type { WriteOutcome } from '../writes/write-graph.js'
import { inputToPayload } from './mutations/input-payload.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** EVENT: a product analytics event. */
export const eventMapping = registerRecordType({
  name: 'Event',
  label: 'EVENT',
  description: 'A product analytics event of a customer.',
  naturalKey: 'eventId',
  matchBy: ['type', 'occurredAt'],
  rootSingular: 'event',
  rootPlural: 'events',
  fields: {
    eventId: { kind: 'String', description: 'The event id of the analytics pipeline.' },
    type: { kind: 'String', description: 'Event type (login, page_view, feature_used, …).' },
    description: { kind: 'String', description: 'What happened.' },
    source: { kind: 'String', description: 'Pipeline or app that sent it.' },
    occurredAt: { kind: 'DateTime', description: 'When it happened.' }
  },
  relations: {
    customer: { target: 'Customer', label: 'CUSTOMER', edges: [{ type: DEFAULT_RELATION, direction: 'any' }], cardinality: 'one', description: 'Whose event.', storesKey: 'customerId' }
  }
}, { importMutation: false })

const b = builder as any

b.inputType('EventAppendInput', {
  description: 'An event to append to an existing customer. Its eventId makes a repeat harmless: an event already stored is skipped.',
  fields: (t: any) => {
    const fields: Record<string, unknown> = {
      customerId: t.string({ required: true, description: 'The customer it happened to; the customer must exist.' }),
      eventId: t.string({ required: true, description: eventMapping.fields.eventId.description })
    }
    for (const field of ['type', 'description', 'source'] as const) fields[field] = t.string({ description: eventMapping.fields[field].description })
    fields.occurredAt = t.field({ type: 'DateTime', description: eventMapping.fields.occurredAt.description })
    fields.properties = t.field({ type: 'JSON', description: 'More properties of the event, stored as given (flat values).' })
    return fields
  }
})

b.objectType('AppendEventsPayload', {
  description: 'How many events were appended and how many were already stored.',
  fields: (t: any) => ({
    appended: t.int({ nullable: false, description: 'Events stored by this batch.', resolve: (o: WriteOutcome) => o.summary.recordsCreated }),
    duplicates: t.int({
      nullable: false,
      description: 'Events of the batch whose eventId was already stored, or repeated in the batch: left as they were.',
      resolve: (o: WriteOutcome) => o.roots.length - o.summary.recordsCreated
    }),
    events: t.field({ type: ['Event'], nullable: false, description: 'Every event of the batch as stored, in input order.', resolve: (o: WriteOutcome) => o.roots.map((r): RecordShape => r.record) })
  })
})

b.mutationFields((t: any) => ({
  appendEvents: t.field({
    type: 'AppendEventsPayload',
    description: 'Appends a batch of product events to existing customers (by customerId) in one transaction. Sending the same batch again appends nothing.',
    args: { events: t.arg({ type: ['EventAppendInput'], required: true }) },
    resolve: (_: unknown, args: { events: Array<Record<string, unknown>> }, ctx: GatewayContext, info: GraphQLResolveInfo) => {
      const catalog = catalogFromSchema(info.schema)
      const problems: InputProblem[] = []
      const events = args.events.map((input, i) => {
        const { customerId, ...rest } = input
        return { customerId, ...inputToPayload(catalog, eventMapping, rest, joinPath('events', i), problems) }
      })
      return appendEvents(ctx.backend.sdk, catalog, events, { maxRecords: ctx.config.writes.maxRecords }, 'events', problems)
    }
  })
}))
