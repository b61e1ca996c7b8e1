import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** FEATURE_USAGE: how often a customer used a feature. */
export const featureUsageMapping = registerRecordType({
  name: 'FeatureUsage',
  label: 'FEATURE_USAGE',
  description: 'How often a customer used a product feature in a period.',
  matchBy: ['feature', 'periodStart'],
  rootSingular: 'featureUsage',
  rootPlural: 'featureUsages',
  fields: {
    feature: { kind: 'String', description: 'Feature name.' },
    count: { kind: 'Int', description: 'Uses in the period.' },
    periodStart: { kind: 'DateTime', description: 'Start of the period.' },
    lastUsedAt: { kind: 'DateTime', description: 'Last use.' }
  },
  relations: {
    customer: { target: 'Customer', label: 'CUSTOMER', edges: [{ type: DEFAULT_RELATION, direction: 'any' }], cardinality: 'one', description: 'Whose usage.' }
  }
})
