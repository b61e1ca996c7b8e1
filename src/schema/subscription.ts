import { UPDATED_AT_FIELD } from './change-stamp-field.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** SUBSCRIPTION: an active or cancelled plan. */
export const subscriptionMapping = registerRecordType({
  name: 'Subscription',
  label: 'SUBSCRIPTION',
  description: 'A plan a customer or account subscribes to, with its status and invoices.',
  naturalKey: 'subscriptionId',
  matchBy: ['plan', 'startedAt'],
  rootSingular: 'subscription',
  rootPlural: 'subscriptions',
  fields: {
    subscriptionId: { kind: 'String', description: 'The subscription id of the billing system.' },
    plan: { kind: 'String', description: 'Plan subscribed to.' },
    previousPlan: { kind: 'String', description: 'The plan before the last change (set on downgrades and upgrades).' },
    status: { kind: 'String', description: 'active, trialing, past_due or cancelled.' },
    startedAt: { kind: 'DateTime', description: 'Start of the subscription.' },
    renewsAt: { kind: 'DateTime', description: 'Next renewal.' },
    seats: { kind: 'Int', description: 'Seats paid for.' },
    mrr: { kind: 'Money', description: 'Monthly recurring revenue in USD.' },
    updatedAt: UPDATED_AT_FIELD
  },
  relations: {
    customer: { target: 'Customer', label: 'CUSTOMER', edges: [{ type: DEFAULT_RELATION, direction: 'any' }], cardinality: 'one', description: 'The customer holding it.' },
    account: {
      target: 'Account',
      label: 'ACCOUNT',
      edges: [{ type: 'HAS_SUBSCRIPTION', direction: 'in' }],
      cardinality: 'one',
      description: 'The account billed for it.'
    },
    invoices: {
      target: 'Invoice',
      label: 'INVOICE',
      edges: [{ type: 'HAS_INVOICE', direction: 'out' }, { type: DEFAULT_RELATION, direction: 'any' }],
      cardinality: 'many',
      description: 'Invoices issued for it.'
    }
  }
})
