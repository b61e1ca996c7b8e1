import { UPDATED_AT_FIELD } from './change-stamp-field.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** SUPPORT_TICKET: an inbound support request. */
export const ticketMapping = registerRecordType({
  name: 'Ticket',
  label: 'SUPPORT_TICKET',
  description: 'An inbound support request, with status and sentiment.',
  naturalKey: 'ticketId',
  // Without a ticket id, the same ticket re-sent with a new status is the one its customer already
  // has with the same subject and opening time: update it rather than add a second one.
  matchBy: ['subject', 'createdAt'],
  rootSingular: 'ticket',
  rootPlural: 'tickets',
  fields: {
    ticketId: { kind: 'String', description: 'The ticket id of the helpdesk.' },
    subject: { kind: 'String', description: 'Subject line.' },
    body: { kind: 'String', description: 'The request text.' },
    topic: { kind: 'String', description: 'Topic assigned by the helpdesk.' },
    status: { kind: 'String', description: 'open, pending or closed.' },
    sentiment: { kind: 'String', description: 'negative, neutral or positive.' },
    priority: { kind: 'String', description: 'Priority.' },
    channel: { kind: 'String', description: 'Channel it came through.' },
    createdAt: { kind: 'DateTime', description: 'When it was opened.' },
    updatedAt: UPDATED_AT_FIELD
  },
  relations: {
    customer: {
      target: 'Customer',
      label: 'CUSTOMER',
      edges: [{ type: DEFAULT_RELATION, direction: 'any' }, { type: 'CREATED', direction: 'in' }],
      cardinality: 'one',
      description: 'Who opened it.'
    }
  }
})
