import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { findRecords } from '../loaders/find-records.js'
import { compileRelation } from '../resolvers/compile-relation.js'
import type { CompileScope } from '../resolvers/compile-selection.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import { inverseEdges, type RelationMapping } from '../schema/storage-mapping.js'
import { newest, type AccountContext, type ContextStart } from './account-context.js'
import { notFound } from './insight-errors.js'

type Select = Record<string, unknown>

function collect(relation: RelationMapping, spec: Select = {}, inverse = false, label = relation.label): Select {
  return { $collect: { label, relation: compileRelation(inverse ? inverseEdges(relation.edges) : relation.edges), ...spec } }
}

/**
 * What is collected around the owner of the context (an account, or a customer without one):
 * its active subscription, its subscriptions with their overdue invoice counts, its tickets (an
 * account's through each of its customers) and its touchpoints, each ordered and cut per parent.
 */
function ownerSelect(scope: CompileScope, owner: 'Account' | 'Customer', recent: number): Select {
  const rel = scope.lookup(owner).relations
  const customer = scope.lookup('Customer').relations
  const invoices = scope.lookup('Subscription').relations.invoices
  const select: Select = {
    ctx__active: collect(rel.subscriptions, { where: { status: 'active' }, orderBy: { startedAt: 'desc' }, limit: 1 }),
    ctx__subscriptions: collect(rel.subscriptions, { select: { ctx__overdue: { $count: { label: invoices.label, relation: compileRelation(invoices.edges), where: { status: 'overdue' } } } } })
  }
  const tickets = collect(customer.tickets, { orderBy: { createdAt: 'desc' }, limit: recent })
  if (owner === 'Account') {
    // Each customer's newest `recent` tickets hold the account's newest `recent`.
    select.ctx__customers = collect(rel.customers, { select: { ctx__tickets: tickets } })
    select.ctx__touchpoints = collect(rel.touchpoints, { orderBy: { occurredAt: 'desc' }, limit: recent })
  } else {
    select.ctx__tickets = tickets
  }
  return select
}

/** The one SearchQuery of a context: the start record with everything around it collected. */
export function contextQuery(scope: CompileScope, start: ContextStart): GatewaySearchQuery {
  let select: Select
  if (start.label === 'ACCOUNT') {
    select = ownerSelect(scope, 'Account', start.recent)
  } else {
    const customer = scope.lookup('Customer').relations
    const account = collect(customer.account, { limit: 1, select: ownerSelect(scope, 'Account', start.recent) })
    select = { ctx__customer: collect(customer.tickets, { limit: 1, select: { ...ownerSelect(scope, 'Customer', start.recent), ctx__account: account } }, true, 'CUSTOMER') }
  }
  return { labels: [start.label], where: start.where, limit: 1, skipTotal: true, select }
}

const many = (r: RecordShape | undefined, key: string) => ((r?.[key] as RecordShape[] | undefined) ?? [])

function strip(record: RecordShape | undefined | null): RecordShape | null {
  if (!record) return null
  return Object.fromEntries(Object.entries(record).filter(([k]) => !k.startsWith('ctx__'))) as RecordShape
}

function ownerContext(owner: RecordShape, recent: number): Omit<AccountContext, 'ticket' | 'customer' | 'account'> {
  const tickets = owner.__label === 'ACCOUNT' ? many(owner, 'ctx__customers').flatMap((c) => many(c, 'ctx__tickets')) : many(owner, 'ctx__tickets')
  return {
    activeSubscription: strip(many(owner, 'ctx__active')[0]),
    overdueInvoiceCount: many(owner, 'ctx__subscriptions').reduce((n, s) => n + (Number(s.ctx__overdue) || 0), 0),
    recentTickets: newest(tickets, 'createdAt', recent).map((t) => strip(t)!),
    recentTouchpoints: many(owner, 'ctx__touchpoints').map((t) => strip(t)!)
  }
}

/** The context in one RushDB call (engine profile: related `$collect`). */
export async function contextByCollect(ctx: GatewayContext, scope: CompileScope, start: ContextStart): Promise<AccountContext> {
  const { records } = await findRecords(ctx, contextQuery(scope, start))
  const root = records[0]
  if (!root) throw notFound(`no ${start.describe}; check the id, or look the record up with ${start.label === 'ACCOUNT' ? 'accounts' : 'tickets'}(where: …)`)
  if (start.label === 'ACCOUNT') return { ticket: null, customer: null, account: strip(root), ...ownerContext(root, start.recent) }
  const customer = many(root, 'ctx__customer')[0]
  const account = many(customer, 'ctx__account')[0]
  const owner = account ?? customer
  const around = owner ? ownerContext(owner, start.recent) : { activeSubscription: null, overdueInvoiceCount: 0, recentTickets: [], recentTouchpoints: [] }
  return { ticket: strip(root), customer: strip(customer), account: strip(account), ...around }
}
