import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** TOUCHPOINT: a marketing or sales interaction. */
export const touchpointMapping = registerRecordType({
  name: 'Touchpoint',
  label: 'TOUCHPOINT',
  description: 'A marketing or sales interaction with an account (email, call, demo, webinar).',
  naturalKey: 'touchpointId',
  matchBy: ['channel', 'occurredAt'],
  rootSingular: 'touchpoint',
  rootPlural: 'touchpoints',
  fields: {
    touchpointId: { kind: 'String', description: 'Id of the interaction.' },
    channel: { kind: 'String', description: 'email, call, demo or webinar.' },
    outcome: { kind: 'String', description: 'Outcome.' },
    notes: { kind: 'String', description: 'Notes.' },
    occurredAt: { kind: 'DateTime', description: 'When it happened.' }
  },
  relations: {
    account: {
      target: 'Account',
      label: 'ACCOUNT',
      edges: [{ type: 'HAS_TOUCHPOINT', direction: 'in' }, { type: DEFAULT_RELATION, direction: 'any' }],
      cardinality: 'one',
      description: 'The account reached.'
    }
  }
})
