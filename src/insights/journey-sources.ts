import type { RecordShape } from '../builder.js'
import type { CompileScope } from '../resolvers/compile-selection.js'
import { allOf, type GatewaySearchQuery, type Where } from '../resolvers/search-query.js'
import { back } from './graph-paths.js'
import type { JourneyCursor } from './journey-cursor.js'

/** The kinds of journey entry: one per source of the timeline. */
export const JOURNEY_KINDS = ['EVENT', 'ORDER', 'TICKET', 'TOUCHPOINT', 'SUBSCRIPTION'] as const
/** One kind of journey entry. */
export type JourneyKind = (typeof JOURNEY_KINDS)[number]

/** Where the entries of one kind come from: the label, the property that dates them, the path back to the customer. */
export interface JourneySource {
  kind: JourneyKind
  label: string
  time: string
  /** The `where` linking these records to the customer named by `customer`. */
  path(scope: CompileScope, customer: Where): Where
  summary(record: RecordShape): string
}

const s = (v: unknown) => (v === null || v === undefined ? '?' : String(v))

/** The five sources of a customer's timeline. */
export const JOURNEY_SOURCES: readonly JourneySource[] = [
  {
    kind: 'EVENT', label: 'EVENT', time: 'occurredAt',
    path: (scope, customer) => back('CUSTOMER', scope.lookup('Customer').relations.events, customer, scope.profile),
    summary: (r) => `${s(r.type)}${r.description ? `: ${s(r.description)}` : ''}`
  },
  {
    kind: 'ORDER', label: 'ORDER', time: 'orderedAt',
    path: (scope, customer) => back('CUSTOMER', scope.lookup('Customer').relations.orders, customer, scope.profile),
    summary: (r) => `Ordered ${r.quantity ? `${s(r.quantity)} × ` : ''}${s(r.product)}${typeof r.totalUsd === 'number' ? ` ($${r.totalUsd})` : ''}${r.status ? `, ${s(r.status)}` : ''}`
  },
  {
    kind: 'TICKET', label: 'SUPPORT_TICKET', time: 'createdAt',
    path: (scope, customer) => back('CUSTOMER', scope.lookup('Customer').relations.tickets, customer, scope.profile),
    summary: (r) => `Opened support ticket "${s(r.subject)}" (${s(r.status)}, ${s(r.sentiment)} sentiment)`
  },
  {
    // The touchpoints of the customer's account: sales and marketing reach the account as a whole.
    kind: 'TOUCHPOINT', label: 'TOUCHPOINT', time: 'occurredAt',
    path: (scope, customer) =>
      back('ACCOUNT', scope.lookup('Account').relations.touchpoints, back('CUSTOMER', scope.lookup('Customer').relations.account, customer, scope.profile), scope.profile),
    summary: (r) => `${s(r.channel)} with the account${r.outcome ? ` (${s(r.outcome)})` : ''}${r.notes ? `: ${s(r.notes)}` : ''}`
  },
  {
    kind: 'SUBSCRIPTION', label: 'SUBSCRIPTION', time: 'startedAt',
    path: (scope, customer) => back('CUSTOMER', scope.lookup('Customer').relations.subscriptions, customer, scope.profile),
    summary: (r) =>
      r.previousPlan ? `Changed plan from ${s(r.previousPlan)} to ${s(r.plan)} (now ${s(r.status)})` : `Started a ${s(r.plan)} subscription (now ${s(r.status)})`
  }
]

/**
 * One source's next entries after the cursor, in journey order: dated records (datetime type) of
 * the customer, at or beyond the cursor's instant but not among the ids already returned there.
 * Plain RushDB forms only (datetime ranges, `$id: {$nin}`), so every backend pages the same way.
 */
export function sourceQuery(scope: CompileScope, source: JourneySource, customer: Where, order: 'desc' | 'asc', limit: number, cursor?: JourneyCursor): GatewaySearchQuery {
  const time: Where = { [source.time]: cursor ? { $type: 'datetime', [order === 'desc' ? '$lte' : '$gte']: cursor.at } : { $type: 'datetime' } }
  const seen: Where = cursor && cursor.ids.length > 0 ? { $id: { $nin: cursor.ids } } : {}
  return { labels: [source.label], where: allOf([time, seen, source.path(scope, customer)]), orderBy: { [source.time]: order }, limit }
}
