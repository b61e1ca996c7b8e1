import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { findRecords } from '../loaders/find-records.js'
import type { CompileScope } from '../resolvers/compile-selection.js'
import { allOf, type GatewaySearchQuery, type Where } from '../resolvers/search-query.js'
import { newest, type AccountContext, type ContextStart } from './account-context.js'
import { along, back } from './graph-paths.js'
import { notFound } from './insight-errors.js'

/** Paths from the records of the context back to its owner (an account, or a customer without one). */
function ownerPaths(scope: CompileScope, owner: RecordShape) {
  const p = scope.profile
  const account = scope.lookup('Account').relations
  const customer = scope.lookup('Customer').relations
  const sub = scope.lookup('Subscription').relations
  const id = { $id: owner.__id }
  const isAccount = owner.__label === 'ACCOUNT'
  const ownerRel = isAccount ? account : customer
  const toOwner = (rel: keyof typeof ownerRel & string): Where => back(owner.__label!, ownerRel[rel], id, p)
  return {
    subscriptions: toOwner('subscriptions'),
    invoices: back('SUBSCRIPTION', sub.invoices, toOwner('subscriptions'), p),
    tickets: back('CUSTOMER', customer.tickets, isAccount ? along(customer.account, id, p) : id, p),
    touchpoints: isAccount ? toOwner('touchpoints') : undefined
  }
}

const q = (label: string, where: Where, orderBy: Record<string, 'asc' | 'desc'> | undefined, limit: number): GatewaySearchQuery => ({ labels: [label], where, ...(orderBy ? { orderBy } : {}), limit })

/** The start record, and for a ticket its customer and that customer's account, in one parallel round. */
async function startRecords(ctx: GatewayContext, scope: CompileScope, start: ContextStart) {
  if (start.label === 'ACCOUNT') {
    const { records } = await findRecords(ctx, q('ACCOUNT', start.where, undefined, 1))
    return { ticket: null, customer: null, account: records[0] ?? null, found: records.length > 0 }
  }
  const p = scope.profile
  const customer = scope.lookup('Customer').relations
  const toTicket = along(customer.tickets, start.where, p)
  const [ticket, owner, account] = await Promise.all([
    findRecords(ctx, q('SUPPORT_TICKET', start.where, undefined, 1)),
    findRecords(ctx, q('CUSTOMER', toTicket, undefined, 1)),
    findRecords(ctx, q('ACCOUNT', back('CUSTOMER', customer.account, toTicket, p), undefined, 1))
  ])
  return { ticket: ticket.records[0] ?? null, customer: owner.records[0] ?? null, account: account.records[0] ?? null, found: ticket.records.length > 0 }
}

/**
 * The context on a plain RushDB server, which cannot collect related records per parent: the start
 * records in one parallel round (one query for an account; ticket, customer and account for a
 * ticket), then one query each for the active subscription, the overdue invoice count (the
 * query's `total`), the recent tickets and the recent touchpoints. 5 or 7 calls, whatever the
 * account's size.
 */
export async function contextByPlainQueries(ctx: GatewayContext, scope: CompileScope, start: ContextStart): Promise<AccountContext> {
  const { found: exists, ...found } = await startRecords(ctx, scope, start)
  if (!exists) throw notFound(`no ${start.describe}; check the id, or look the record up with ${start.label === 'ACCOUNT' ? 'accounts' : 'tickets'}(where: …)`)
  const owner = found.account ?? found.customer
  if (!owner) return { ...found, activeSubscription: null, overdueInvoiceCount: 0, recentTickets: [], recentTouchpoints: [] }
  const paths = ownerPaths(scope, owner)
  const [active, overdue, tickets, touchpoints] = await Promise.all([
    findRecords(ctx, q('SUBSCRIPTION', allOf([{ status: 'active' }, paths.subscriptions]), { startedAt: 'desc' }, 1)),
    findRecords(ctx, q('INVOICE', allOf([{ status: 'overdue' }, paths.invoices]), undefined, 1)),
    findRecords(ctx, q('SUPPORT_TICKET', paths.tickets, { createdAt: 'desc' }, start.recent)),
    paths.touchpoints ? findRecords(ctx, q('TOUCHPOINT', paths.touchpoints, { occurredAt: 'desc' }, start.recent)) : Promise.resolve({ records: [], total: 0 })
  ])
  return {
    ticket: found.ticket,
    customer: found.customer,
    account: found.account,
    activeSubscription: active.records[0] ?? null,
    overdueInvoiceCount: overdue.total ?? overdue.records.length,
    recentTickets: newest(tickets.records, 'createdAt', start.recent),
    recentTouchpoints: newest(touchpoints.records, 'occurredAt', start.recent)
  }
}
