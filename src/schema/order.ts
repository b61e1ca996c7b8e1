import { UPDATED_AT_FIELD } from './change-stamp-field.js'
import { registerRecordType } from './register-record-type.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** ORDER: a purchase. */
export const orderMapping = registerRecordType({
  name: 'Order',
  label: 'ORDER',
  description: 'A purchase by a customer.',
  naturalKey: 'orderId',
  rootSingular: 'order',
  rootPlural: 'orders',
  fields: {
    orderId: { kind: 'String', description: 'The order id of the shop (e.g. ord-501).' },
    product: { kind: 'String', description: 'Product bought.' },
    quantity: { kind: 'Int', description: 'Units.' },
    totalUsd: { kind: 'Money', description: 'Order total in USD.' },
    status: { kind: 'String', description: 'Order status.' },
    orderedAt: { kind: 'DateTime', description: 'When the order was placed.' },
    updatedAt: UPDATED_AT_FIELD
  },
  relations: {
    customer: {
      target: 'Customer',
      label: 'CUSTOMER',
      edges: [{ type: DEFAULT_RELATION, direction: 'any' }, { type: 'PLACED', direction: 'in' }],
      cardinality: 'one',
      description: 'Who placed it.'
    }
  }
})
