/** An aggregate over records two or more relations away (`Account.invoicesAggregate`: its subscriptions' invoices). */
export interface ThroughAggregate {
  /** Relation field names followed from the type, in order. */
  via: string[]
  /** The GraphQL type aggregated (the last relation's target). */
  target: string
  description: string
}

/**
 * Aggregate fields over chains of relations, by type and field name (without the `Aggregate`
 * suffix). They compile to nested related blocks, so they cost what a direct relation aggregate
 * costs: one RushDB query per field and level.
 */
export const THROUGH_AGGREGATES: Record<string, Record<string, ThroughAggregate>> = {
  Account: {
    invoices: { via: ['subscriptions', 'invoices'], target: 'Invoice', description: "Aggregates over the invoices of this account's subscriptions (matching `where`)" }
  },
  Customer: {
    invoices: { via: ['subscriptions', 'invoices'], target: 'Invoice', description: "Aggregates over the invoices of this customer's subscriptions (matching `where`)" }
  }
}
