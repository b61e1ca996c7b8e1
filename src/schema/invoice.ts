import { UPDATED_AT_FIELD } from './change-stamp-field.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** INVOICE: a billing invoice. */
export const invoiceMapping = registerRecordType({
  name: 'Invoice',
  label: 'INVOICE',
  description: 'A billing invoice of a subscription.',
  naturalKey: 'invoiceId',
  matchBy: ['month'],
  rootSingular: 'invoice',
  rootPlural: 'invoices',
  fields: {
    invoiceId: { kind: 'String', description: 'The invoice id of the billing system.' },
    month: { kind: 'String', description: 'Billing month, YYYY-MM.' },
    amount: { kind: 'Money', description: 'Amount in USD.' },
    status: { kind: 'String', description: 'paid, open or overdue.' },
    issuedAt: { kind: 'DateTime', description: 'Issue date.' },
    dueAt: { kind: 'DateTime', description: 'Due date.' },
    paidAt: { kind: 'DateTime', description: 'Payment date; null while unpaid.' },
    updatedAt: UPDATED_AT_FIELD
  },
  relations: {
    subscription: {
      target: 'Subscription',
      label: 'SUBSCRIPTION',
      edges: [{ type: 'HAS_INVOICE', direction: 'in' }, { type: DEFAULT_RELATION, direction: 'any' }],
      cardinality: 'one',
      description: 'The subscription billed.'
    }
  }
})
