import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { CHURN_SIGNAL_KINDS } from '../insights/churn-queries.js'
import { churnRisk, MAX_INACTIVE_DAYS, type ChurnRisk, type ChurnRiskArgs, type ChurnRiskPage, type ChurnSignal } from '../insights/churn-risk.js'
import { ownSelections, scopeOf } from '../loaders/root-queries.js'
import { defineRecordUnion } from './record-union.js'

const b = builder as any

const KIND_DESCRIPTIONS: Record<(typeof CHURN_SIGNAL_KINDS)[number], string> = {
  OPEN_NEGATIVE_TICKET: 'An open support ticket with negative sentiment while the customer holds an active paid subscription (not free, not zero MRR). Evidence: the tickets and the subscriptions.',
  OVERDUE_INVOICES: "Invoices with status overdue on the customer's subscriptions. Evidence: the invoices, oldest due first.",
  INACTIVE: 'No product event and no feature usage in the last `inactiveDays` days, for a customer who signed up before that window. Evidence: the last event and the last feature usage, when there are any.',
  DOWNGRADE: 'A current subscription on a cheaper plan than its previousPlan (free < starter < pro < enterprise). Evidence: the subscriptions.'
}

b.enumType('ChurnSignalKind', {
  description: 'Stable identifiers of the churn signals.',
  values: Object.fromEntries(CHURN_SIGNAL_KINDS.map((k) => [k, { value: k, description: KIND_DESCRIPTIONS[k] }]))
})

defineRecordUnion('ChurnEvidence', ['Ticket', 'Subscription', 'Invoice', 'Event', 'FeatureUsage'], 'A record behind a churn signal; select its fields with `... on Ticket { subject }` etc.')

b.objectType('ChurnSignal', {
  description: 'One churn signal that fired for a customer, why, and the records it rests on.',
  fields: (t: any) => ({
    kind: t.field({ type: 'ChurnSignalKind', nullable: false, resolve: (s: ChurnSignal) => s.kind }),
    reason: t.string({ nullable: false, description: 'What fired, in plain language, with the facts a reviewer checks first.', resolve: (s: ChurnSignal) => s.reason }),
    evidence: t.field({ type: ['ChurnEvidence'], nullable: false, description: 'The records that made the signal fire.', resolve: (s: ChurnSignal) => s.evidence })
  })
})

b.objectType('ChurnRisk', {
  description: 'A customer showing churn signals. Decision support: a person or workflow reviews it and decides what to do; nothing acts on it automatically.',
  fields: (t: any) => ({
    customer: t.field({ type: 'Customer', nullable: false, resolve: (r: ChurnRisk) => r.customer }),
    signals: t.field({ type: ['ChurnSignal'], nullable: false, description: 'Every signal that fired, in ChurnSignalKind order.', resolve: (r: ChurnRisk) => r.signals }),
    reason: t.string({ nullable: false, description: 'The signals in one plain-language sentence, for a reviewer.', resolve: (r: ChurnRisk) => r.reason })
  })
})

b.objectType('ChurnRiskPage', {
  description: 'A page of customers at risk, ordered by customerId.',
  fields: (t: any) => ({
    items: t.field({ type: ['ChurnRisk'], nullable: false, resolve: (p: ChurnRiskPage) => p.items }),
    totalCount: t.int({ nullable: false, description: 'Customers at risk over all pages.', resolve: (p: ChurnRiskPage) => p.totalCount }),
    hasMore: t.boolean({ nullable: false, description: 'True when a later page (offset + limit) has more customers.', resolve: (p: ChurnRiskPage) => p.hasMore }),
    now: t.field({ type: 'DateTime', nullable: false, description: 'The instant the signals were evaluated at.', resolve: (p: ChurnRiskPage) => p.now }),
    inactiveSince: t.field({ type: 'DateTime', nullable: false, description: 'Start of the activity window of the INACTIVE signal (now − inactiveDays).', resolve: (p: ChurnRiskPage) => p.inactiveSince })
  })
})

b.queryFields((t: any) => ({
  churnRisk: t.field({
    type: 'ChurnRiskPage',
    nullable: false,
    description:
      'Current customers (a subscription that is active, past_due or trialing) showing at least one churn signal, each with every signal that fired, the evidence records and a plain-language reason. ' +
      'This is decision support: it flags customers for a person or a workflow to review; outreach, discounts or other retention actions remain their decision. ' +
      'Costs a constant number of RushDB calls whatever the page size: on the embedded engine 3 (the page with the customers\' selected relation fields folded in, its evidence in one collecting query, which of its customers are inactive); on a RushDB server 7 (the page, then one query per signal kind for the whole page, two more for the last activity of inactive customers).',
    args: {
      inactiveDays: t.arg.int({ defaultValue: 30, description: `INACTIVE fires without any event or feature usage in this many days before now (1 to ${MAX_INACTIVE_DAYS}).` }),
      now: t.arg({ type: 'DateTime', description: 'The instant to evaluate at (default: the current time); set it to replay a past day or in tests.' }),
      signals: t.arg({ type: ['ChurnSignalKind'], description: 'Only these signals (default: all). A customer is listed when any of them fires, and shows only these.' }),
      limit: t.arg.int({ description: 'Page size (default and maximum: the configured page sizes, 20 and 100 unless changed).' }),
      offset: t.arg.int({ description: 'Customers to skip.' })
    },
    resolve: (_: unknown, args: ChurnRiskArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => churnRisk(args, ctx, scopeOf(ctx, info), ownSelections(info))
  })
}))
