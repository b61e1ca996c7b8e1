import { UPDATED_AT_FIELD } from './change-stamp-field.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

const nested = { type: DEFAULT_RELATION, direction: 'any' } as const

/** CUSTOMER: a person who buys and uses the product. */
export const customerMapping = registerRecordType({
  name: 'Customer',
  label: 'CUSTOMER',
  description: 'A person who buys and uses the product, linked to their account, subscriptions, orders, tickets, events and feature usage.',
  naturalKey: 'customerId',
  rootSingular: 'customer',
  rootPlural: 'customers',
  fields: {
    customerId: { kind: 'String', description: 'The customer id of the source system (e.g. cust-8821).' },
    name: { kind: 'String', description: 'Full name.' },
    email: { kind: 'Email', description: 'E-mail address.' },
    plan: { kind: 'String', description: 'Plan: free, starter, pro or enterprise.' },
    region: { kind: 'String', description: 'Region.' },
    createdAt: { kind: 'DateTime', description: 'When the customer signed up.' },
    lastActiveAt: { kind: 'DateTime', description: 'Last activity seen.' },
    updatedAt: UPDATED_AT_FIELD
  },
  relations: {
    account: {
      target: 'Account',
      label: 'ACCOUNT',
      edges: [{ type: 'BELONGS_TO', direction: 'out' }, nested],
      cardinality: 'one',
      write: 'nested',
      description: 'The account this customer belongs to.'
    },
    subscriptions: { target: 'Subscription', label: 'SUBSCRIPTION', edges: [nested], cardinality: 'many', description: 'Subscriptions of this customer.' },
    orders: { target: 'Order', label: 'ORDER', edges: [nested, { type: 'PLACED', direction: 'out' }], cardinality: 'many', description: 'Orders placed.' },
    tickets: {
      target: 'Ticket',
      label: 'SUPPORT_TICKET',
      edges: [nested, { type: 'CREATED', direction: 'out' }],
      cardinality: 'many',
      description: 'Support tickets, nested in imports or created from helpdesk exports.'
    },
    events: { target: 'Event', label: 'EVENT', edges: [nested], cardinality: 'many', description: 'Product analytics events.' },
    featureUsage: { target: 'FeatureUsage', label: 'FEATURE_USAGE', edges: [nested], cardinality: 'many', description: 'Feature usage summaries.' }
  }
})
