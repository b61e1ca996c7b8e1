import { readFileSync } from 'node:fs'
import type { FixtureIds } from './fixture-graph.js'

/** One read the gateway must answer the same way on every backend profile. */
export interface CoreRead {
  name: string
  query: string
  variables?: Record<string, unknown>
  /** RushDB calls on a backend without folding: one per root field and one per relation field under it, at most. */
  unfoldedCalls: number
  /** Calls that batching may save when roots resolve in the same tick (a relation field under two roots). */
  shareable?: number
}

/** Asserts a call count against a read's bounds: exact unless loaders can be shared across roots. */
export function callsWithin(read: CoreRead): [number, number] {
  return [read.unfoldedCalls - (read.shareable ?? 0), read.unfoldedCalls]
}

const operation = (name: string) => readFileSync(new URL(`./operations/${name}.graphql`, import.meta.url), 'utf8')

/** The core reads over the fixture graph: lookups, filtered and sorted lists, relations both ways, the churn query. */
export function coreReads(ids: FixtureIds): CoreRead[] {
  return [
    {
      name: 'by id and by natural key',
      query: `query($id: ID) { byId: customer(id: $id) { id customerId name account { accountId name } } byKey: invoice(invoiceId: "inv-2") { invoiceId status subscription { subscriptionId } } }`,
      variables: { id: ids['cust-3'] },
      unfoldedCalls: 4
    },
    {
      name: 'list with where and orderBy',
      query: `{ customers(where: { OR: [{ plan: { eq: "starter" } }, { email: { endsWith: "@acme.test" } }] }, orderBy: [{ plan: DESC }, { createdAt: ASC }]) { customerId plan } }`,
      unfoldedCalls: 1
    },
    {
      name: 'relation filters over several edge types: some, none, all, nested',
      query: `{
        some: customers(where: { tickets: { some: { status: { eq: "open" } } } }, orderBy: [{ customerId: ASC }]) { customerId }
        none: customers(where: { tickets: { none: {} } }) { customerId }
        all: customers(where: { orders: { all: { product: { eq: "Widget" } } } }, orderBy: [{ customerId: DESC }]) { customerId }
        deep: customers(where: { account: { some: { subscriptions: { some: { invoices: { some: { status: { eq: "overdue" } } } } } } } }, orderBy: [{ customerId: ASC }]) { customerId }
      }`,
      unfoldedCalls: 4
    },
    {
      name: 'relation fields in both directions',
      query: `{
        account(accountId: "acc-1") { name customers(orderBy: [{ customerId: ASC }]) { customerId } subscriptions(orderBy: [{ subscriptionId: ASC }]) { subscriptionId invoices(orderBy: [{ month: ASC }]) { invoiceId status } } }
        ticket(ticketId: "t-3") { subject customer { customerId account { accountId } } }
        nested: ticket(ticketId: "t-1") { customer { customerId } }
        customer(customerId: "cust-3") { tickets(orderBy: [{ ticketId: ASC }]) { ticketId } orders(orderBy: [{ orderId: DESC }]) { orderId } }
      }`,
      // 4 roots; level 1: customers, subscriptions, tickets, orders and ticket.customer under each
      // ticket root (one batch when both roots resolve in the same tick); level 2: invoices and
      // customer.account.
      unfoldedCalls: 12,
      shareable: 1
    },
    {
      name: 'relation arguments paged per parent',
      query: `{ customers(orderBy: [{ customerId: ASC }]) { customerId orders(orderBy: [{ totalUsd: DESC }], limit: 1, offset: 1) { orderId } tickets(where: { sentiment: { eq: "negative" } }) { ticketId } account { name } } }`,
      unfoldedCalls: 4
    },
    { name: 'churn risk (seeds)', query: operation('churn-risk'), variables: { limit: 20 }, unfoldedCalls: 3 },
    { name: 'three levels', query: operation('three-levels'), variables: { limit: 20 }, unfoldedCalls: 3 }
  ]
}
