import type { CompileScope } from '../resolvers/compile-selection.js'
import { allOf, type GatewaySearchQuery, type Where } from '../resolvers/search-query.js'
import { CURRENT_STATUSES, PLAN_LADDER } from './churn-queries.js'
import { along, back } from './graph-paths.js'

/** What can be recommended. */
export const RECOMMENDATION_KINDS = ['PRODUCT', 'PLAN'] as const
/** One kind of recommendation. */
export type RecommendationKind = (typeof RECOMMENDATION_KINDS)[number]

/** An order that counts as bought: neither cancelled nor refunded. */
export const BOUGHT: Where = { $nor: [{ status: 'cancelled' }, { status: 'refunded' }] }

/** The customer a recommendation is for, and what it already has. */
export interface RecommendationSubject {
  customerRecordId: string
  products: string[]
  /** Plans not to suggest: every plan the customer ever had, free, and the plans below its current best. */
  plans: string[]
}

/** "Another customer who bought one of the subject's products", with `$alias: '$buyer'` when `alias`. */
export function overlappingCustomer(scope: CompileScope, subject: RecommendationSubject, alias: boolean): Where {
  const orders = scope.lookup('Customer').relations.orders
  return {
    ...(alias ? { $alias: '$buyer' } : {}),
    $not: { $id: subject.customerRecordId },
    ...along(orders, { product: { $in: subject.products }, ...BOUGHT }, scope.profile)
  }
}

/** How many other customers share at least one bought product with the subject (the query's `total`). */
export function overlapCountQuery(scope: CompileScope, subject: RecommendationSubject): GatewaySearchQuery {
  return { labels: ['CUSTOMER'], where: overlappingCustomer(scope, subject, false), limit: 1 }
}

/**
 * The candidate records of one kind: orders of products the subject never bought, or active
 * subscriptions on plans it should not be offered (see `plans`), held by an overlapping customer
 * aliased `$buyer`.
 */
export function candidateWhere(scope: CompileScope, kind: RecommendationKind, subject: RecommendationSubject): { label: string; field: string; where: Where } {
  const customer = scope.lookup('Customer').relations
  const buyer = overlappingCustomer(scope, subject, true)
  if (kind === 'PRODUCT') {
    const own = subject.products.length > 0 ? { product: { $nin: subject.products } } : {}
    return { label: 'ORDER', field: 'product', where: allOf([{ product: { $exists: true } }, own, BOUGHT, back('CUSTOMER', customer.orders, buyer, scope.profile)]) }
  }
  return { label: 'SUBSCRIPTION', field: 'plan', where: allOf([{ status: 'active', plan: { $nin: subject.plans } }, back('CUSTOMER', customer.subscriptions, buyer, scope.profile)]) }
}

/** One grouped query: candidates of a kind counted by distinct buyer, most evidence first (RushDB 2.x `select` + `groupBy`). */
export function groupedQuery(scope: CompileScope, kind: RecommendationKind, subject: RecommendationSubject, limit: number): GatewaySearchQuery {
  const { label, field, where } = candidateWhere(scope, kind, subject)
  return {
    labels: [label],
    where,
    select: { evidence: { $count: '$buyer' } },
    groupBy: [`$record.${field}`],
    orderBy: { evidence: 'desc', [field]: 'asc' },
    limit
  }
}

/** One page of candidates with their buyer's id (RushDB v1.8 `aggregate`), for servers without `groupBy`. */
export function candidatePageQuery(scope: CompileScope, kind: RecommendationKind, subject: RecommendationSubject, skip: number, limit: number): GatewaySearchQuery {
  const { label, where } = candidateWhere(scope, kind, subject)
  return { labels: [label], where, aggregate: { buyer: '$buyer.__id' }, orderBy: 'asc', limit, ...(skip > 0 ? { skip } : {}) }
}

/**
 * The plans not to suggest to a customer whose subscriptions are `subscriptions`: those it ever had,
 * and on the plan ladder free and everything up to its best current plan (an offer is an upgrade).
 */
export function excludedPlans(subscriptions: Array<Record<string, unknown>>): string[] {
  const had = subscriptions.map((s) => s.plan).filter((p): p is string => typeof p === 'string')
  const current = subscriptions.filter((s) => CURRENT_STATUSES.includes(s.status as string)).map((s) => PLAN_LADDER.indexOf(s.plan as string))
  const best = Math.max(0, ...current)
  return [...new Set([...had, ...PLAN_LADDER.slice(0, best + 1)])].sort()
}
