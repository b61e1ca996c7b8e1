import { compileRelation } from '../resolvers/compile-relation.js'
import type { CompileScope } from '../resolvers/compile-selection.js'
import { allOf, type GatewaySearchQuery, type Where } from '../resolvers/search-query.js'
import { along } from './graph-paths.js'

/** The churn signals, in the order they are reported. */
export const CHURN_SIGNAL_KINDS = ['OPEN_NEGATIVE_TICKET', 'OVERDUE_INVOICES', 'INACTIVE', 'DOWNGRADE'] as const
/** One churn signal kind. */
export type ChurnSignalKind = (typeof CHURN_SIGNAL_KINDS)[number]

/** Subscription statuses of someone who is still a customer (and so can still churn). */
export const CURRENT_STATUSES = ['active', 'past_due', 'trialing']

/** Plans from cheapest to dearest: moving left is a downgrade. */
export const PLAN_LADDER = ['free', 'starter', 'pro', 'enterprise']

/** What the churn questions are asked with. */
export interface ChurnInput {
  /** Start of the activity window (now − inactiveDays), ISO-8601. */
  since: string
  kinds: readonly ChurnSignalKind[]
}

/** `plan` lower than `previousPlan` on the plan ladder, as an `$or` of the pairs. */
function downgradePairs(): Where {
  const pairs = PLAN_LADDER.slice(0, -1).map((plan, i) => ({ plan, previousPlan: { $in: PLAN_LADDER.slice(i + 1) } }))
  return { $or: pairs }
}

/** The customer-level condition of each signal, evaluated on the graph. */
export function signalConditions(scope: CompileScope, input: ChurnInput): Record<ChurnSignalKind, Where> {
  const customer = scope.lookup('Customer').relations
  const invoices = scope.lookup('Subscription').relations.invoices
  const p = scope.profile
  return {
    // A paid subscription: active (trials are not) and neither on the free plan nor at zero MRR.
    OPEN_NEGATIVE_TICKET: allOf([
      along(customer.tickets, { status: 'open', sentiment: 'negative' }, p),
      along(customer.subscriptions, activePaid(), p)
    ]),
    OVERDUE_INVOICES: along(customer.subscriptions, along(invoices, { status: 'overdue' }, p), p),
    // Signed up before the window, and no event nor feature use inside it.
    INACTIVE: {
      $nor: [{ createdAt: { $gte: input.since } }, along(customer.events, { occurredAt: { $gte: input.since } }, p), along(customer.featureUsage, { lastUsedAt: { $gte: input.since } }, p)]
    },
    DOWNGRADE: along(customer.subscriptions, { status: { $in: CURRENT_STATUSES }, ...downgradePairs() }, p)
  }
}

function activePaid(): Where {
  return { status: 'active', $nor: [{ plan: 'free' }, { mrr: 0 }] }
}

/** The page of at-risk customers: current customers with at least one selected signal, by customerId. */
export function churnPageQuery(scope: CompileScope, input: ChurnInput, limit: number, skip: number): GatewaySearchQuery {
  const conditions = signalConditions(scope, input)
  const current = along(scope.lookup('Customer').relations.subscriptions, { status: { $in: CURRENT_STATUSES } }, scope.profile)
  const any = input.kinds.map((k) => conditions[k])
  const query: GatewaySearchQuery = {
    labels: ['CUSTOMER'],
    where: allOf([current, any.length === 1 ? any[0] : { $or: any }]),
    orderBy: { customerId: 'asc' },
    limit
  }
  if (skip > 0) query.skip = skip
  return query
}

/** The evidence queries of one page: one per signal kind (two for inactivity's last activity), whatever the page size. */
export interface EvidenceQueries {
  OPEN_NEGATIVE_TICKET?: GatewaySearchQuery
  OVERDUE_INVOICES?: GatewaySearchQuery
  INACTIVE?: GatewaySearchQuery
  lastEvent?: GatewaySearchQuery
  lastFeatureUse?: GatewaySearchQuery
  DOWNGRADE?: GatewaySearchQuery
}

/**
 * Evidence for the customers of a page, batched per signal: each query is rooted at the page's
 * customers (`$id: {$in}`) and collects the records that made the signal fire through aliases, so
 * the number of RushDB calls does not grow with the page.
 */
export function evidenceQueries(scope: CompileScope, input: ChurnInput, customerIds: string[]): EvidenceQueries {
  const rel = scope.lookup('Customer').relations
  const invoices = scope.lookup('Subscription').relations.invoices
  const p = scope.profile
  const conditions = signalConditions(scope, input)
  const rooted = (where: Where, aggregate?: Record<string, unknown>): GatewaySearchQuery => {
    const query: GatewaySearchQuery = { labels: ['CUSTOMER'], where: allOf([{ $id: { $in: customerIds } }, where]), limit: customerIds.length }
    if (aggregate) query.aggregate = aggregate
    if (p.skipTotal) query.skipTotal = true
    return query
  }
  const collect = (alias: string, orderBy: Record<string, 'asc' | 'desc'>, limit = 100) => ({ fn: 'collect', alias, orderBy, limit })
  const out: EvidenceQueries = {}
  const want = new Set(input.kinds)
  if (want.has('OPEN_NEGATIVE_TICKET')) {
    out.OPEN_NEGATIVE_TICKET = rooted(
      allOf([along(rel.tickets, { $alias: '$ticket', status: 'open', sentiment: 'negative' }, p), along(rel.subscriptions, { $alias: '$sub', ...activePaid() }, p)]),
      { tickets: collect('$ticket', { createdAt: 'desc' }), subscriptions: collect('$sub', { startedAt: 'desc' }) }
    )
  }
  if (want.has('OVERDUE_INVOICES')) {
    out.OVERDUE_INVOICES = rooted(along(rel.subscriptions, along(invoices, { $alias: '$invoice', status: 'overdue' }, p), p), {
      invoices: collect('$invoice', { dueAt: 'asc' })
    })
  }
  if (want.has('INACTIVE')) {
    out.INACTIVE = rooted(conditions.INACTIVE)
    out.lastEvent = rooted(along(rel.events, { $alias: '$event' }, p), { last: collect('$event', { occurredAt: 'desc' }, 1) })
    out.lastFeatureUse = rooted(along(rel.featureUsage, { $alias: '$usage' }, p), { last: collect('$usage', { lastUsedAt: 'desc' }, 1) })
  }
  if (want.has('DOWNGRADE')) {
    out.DOWNGRADE = rooted(along(rel.subscriptions, { $alias: '$sub', status: { $in: CURRENT_STATUSES }, ...downgradePairs() }, p), {
      subscriptions: collect('$sub', { startedAt: 'desc' })
    })
  }
  return out
}

/**
 * The evidence of a whole page in ONE query where the backend collects related records per parent
 * (the engine's related `$collect`): every signal's records as collects on the page's customers.
 * Whether INACTIVE fired still needs its own query (an absence is not a collect).
 */
export function collectedEvidenceQuery(scope: CompileScope, input: ChurnInput, customerIds: string[]): GatewaySearchQuery {
  const rel = scope.lookup('Customer').relations
  const invoices = scope.lookup('Subscription').relations.invoices
  const c = (relation: { label: string; edges: Parameters<typeof compileRelation>[0] }, spec: Record<string, unknown>) => ({
    $collect: { label: relation.label, relation: compileRelation(relation.edges), ...spec }
  })
  const want = new Set(input.kinds)
  const select: Record<string, unknown> = {}
  if (want.has('OPEN_NEGATIVE_TICKET')) {
    select.ev__tickets = c(rel.tickets, { where: { status: 'open', sentiment: 'negative' }, orderBy: { createdAt: 'desc' }, limit: 100 })
    select.ev__paid = c(rel.subscriptions, { where: activePaid(), orderBy: { startedAt: 'desc' }, limit: 100 })
  }
  if (want.has('OVERDUE_INVOICES')) {
    select.ev__billed = c(rel.subscriptions, { select: { ev__invoices: c(invoices, { where: { status: 'overdue' }, orderBy: { dueAt: 'asc' }, limit: 100 }) } })
  }
  if (want.has('INACTIVE')) {
    select.ev__lastEvent = c(rel.events, { orderBy: { occurredAt: 'desc' }, limit: 1 })
    select.ev__lastUse = c(rel.featureUsage, { orderBy: { lastUsedAt: 'desc' }, limit: 1 })
  }
  if (want.has('DOWNGRADE')) {
    select.ev__downgrades = c(rel.subscriptions, { where: { status: { $in: CURRENT_STATUSES }, ...downgradePairs() }, orderBy: { startedAt: 'desc' }, limit: 100 })
  }
  return { labels: ['CUSTOMER'], where: { $id: { $in: customerIds } }, limit: customerIds.length, skipTotal: true, select }
}
