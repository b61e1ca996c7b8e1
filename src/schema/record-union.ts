import { builder, type RecordShape } from '../builder.js'

const b = builder as any

/** GraphQL type of each record label that insight unions can hold. */
const TYPE_OF_LABEL: Record<string, string> = {
  CUSTOMER: 'Customer',
  ACCOUNT: 'Account',
  SUBSCRIPTION: 'Subscription',
  INVOICE: 'Invoice',
  ORDER: 'Order',
  SUPPORT_TICKET: 'Ticket',
  EVENT: 'Event',
  TOUCHPOINT: 'Touchpoint',
  FEATURE_USAGE: 'FeatureUsage'
}

/** Registers a union of record types, resolved by each record's RushDB label. */
export function defineRecordUnion(name: string, types: string[], description: string): void {
  b.unionType(name, {
    description,
    types,
    resolveType: (record: RecordShape) => {
      const type = TYPE_OF_LABEL[record.__label ?? '']
      if (!type || !types.includes(type)) throw new Error(`${name}: a ${String(record.__label)} record is not one of ${types.join(', ')}`)
      return type
    }
  })
}
