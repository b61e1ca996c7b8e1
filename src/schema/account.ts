import { UPDATED_AT_FIELD } from './change-stamp-field.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** ACCOUNT: an organisation (company) that customers belong to. */
export const accountMapping = registerRecordType({
  name: 'Account',
  label: 'ACCOUNT',
  description: 'An organisation (company) that customers belong to and that is billed through subscriptions.',
  naturalKey: 'accountId',
  alternateKeys: ['name'],
  rootSingular: 'account',
  rootPlural: 'accounts',
  fields: {
    accountId: { kind: 'String', description: 'The account id of the CRM (e.g. acc-000001).' },
    name: { kind: 'String', description: 'Company name.' },
    plan: { kind: 'String', description: 'Commercial plan: starter, pro or enterprise.' },
    region: { kind: 'String', description: 'Sales region: EU, NA, APAC or LATAM.' },
    industry: { kind: 'String', description: 'Industry.' },
    mrr: { kind: 'Money', description: 'Monthly recurring revenue in USD.' },
    createdAt: { kind: 'DateTime', description: 'When the account was created.' },
    updatedAt: UPDATED_AT_FIELD
  },
  relations: {
    customers: {
      target: 'Customer',
      label: 'CUSTOMER',
      edges: [{ type: 'BELONGS_TO', direction: 'in' }, { type: DEFAULT_RELATION, direction: 'any' }],
      cardinality: 'many',
      description: 'Customers (people) of this account.'
    },
    subscriptions: {
      target: 'Subscription',
      label: 'SUBSCRIPTION',
      edges: [{ type: 'HAS_SUBSCRIPTION', direction: 'out' }, { type: DEFAULT_RELATION, direction: 'any' }],
      cardinality: 'many',
      description: 'Subscriptions billed to this account.'
    },
    touchpoints: {
      target: 'Touchpoint',
      label: 'TOUCHPOINT',
      edges: [{ type: 'HAS_TOUCHPOINT', direction: 'out' }, { type: DEFAULT_RELATION, direction: 'any' }],
      cardinality: 'many',
      description: 'Marketing and sales interactions with this account.'
    }
  }
})
