import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** EVENT: a product analytics event. */
export const eventMapping = registerRecordType({
  name: 'Event',
  label: 'EVENT',
  description: 'A product analytics event of a customer.',
  naturalKey: 'eventId',
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
    customer: { target: 'Customer', label: 'CUSTOMER', edges: [{ type: DEFAULT_RELATION, direction: 'any' }], cardinality: 'one', description: 'Whose event.' }
  }
})
