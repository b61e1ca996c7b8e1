import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { customerJourney, type JourneyArgs, type JourneyEntry, type JourneyPage } from '../insights/journey.js'
import { JOURNEY_KINDS } from '../insights/journey-sources.js'
import { scopeOf } from '../loaders/root-queries.js'
import { defineRecordUnion } from './record-union.js'

const b = builder as any

const KIND_DESCRIPTIONS: Record<(typeof JOURNEY_KINDS)[number], string> = {
  EVENT: 'A product analytics event, at occurredAt.',
  ORDER: 'An order, at orderedAt.',
  TICKET: 'A support ticket opened, at createdAt.',
  TOUCHPOINT: "A sales or marketing touchpoint with the customer's account, at occurredAt.",
  SUBSCRIPTION: 'A subscription started, or a plan changed (previousPlan set), at startedAt.'
}

b.enumType('JourneyEntryKind', {
  description: 'What a journey entry records.',
  values: Object.fromEntries(JOURNEY_KINDS.map((k) => [k, { value: k, description: KIND_DESCRIPTIONS[k] }]))
})

b.enumType('JourneyOrder', {
  description: 'Time order of a journey.',
  values: { NEWEST_FIRST: { value: 'NEWEST_FIRST', description: 'Most recent first (default).' }, OLDEST_FIRST: { value: 'OLDEST_FIRST', description: 'Chronological.' } }
})

defineRecordUnion('JourneyRecord', ['Event', 'Order', 'Ticket', 'Touchpoint', 'Subscription'], 'The record behind a journey entry; select its fields with `... on Order { product totalUsd }` etc.')

b.objectType('JourneyEntry', {
  description: "One dated entry of a customer's timeline.",
  fields: (t: any) => ({
    at: t.field({ type: 'DateTime', nullable: false, description: 'When it happened.', resolve: (e: JourneyEntry) => e.at }),
    kind: t.field({ type: 'JourneyEntryKind', nullable: false, resolve: (e: JourneyEntry) => e.kind }),
    summary: t.string({ nullable: false, description: 'One line saying what happened.', resolve: (e: JourneyEntry) => e.summary }),
    record: t.field({ type: 'JourneyRecord', nullable: false, resolve: (e: JourneyEntry) => e.record }),
    cursor: t.string({ nullable: false, description: 'Pass as after to continue right after this entry.', resolve: (e: JourneyEntry) => e.cursor })
  })
})

b.objectType('JourneyPage', {
  description: "A page of a customer's timeline.",
  fields: (t: any) => ({
    customer: t.field({ type: 'Customer', nullable: false, resolve: (p: JourneyPage) => p.customer }),
    entries: t.field({ type: ['JourneyEntry'], nullable: false, resolve: (p: JourneyPage) => p.entries }),
    pageInfo: t.field({ type: 'PageInfo', nullable: false, description: 'endCursor continues after the last entry.', resolve: (p: JourneyPage) => p.pageInfo })
  })
})

b.queryFields((t: any) => ({
  customerJourney: t.field({
    type: 'JourneyPage',
    nullable: false,
    description:
      "One customer's timeline merged across product events, orders, support tickets, the account's touchpoints and subscription starts and plan changes, ordered by time and paged with cursors. " +
      'Records without a datetime in their time field are not in the timeline. Each page costs one RushDB call per selected kind plus one for the customer (6 for all kinds), at any depth. An unknown customer is NOT_FOUND.',
    args: {
      customerId: t.arg.string({ description: 'The customerId (give this or customerRecordId).' }),
      customerRecordId: t.arg.id({ description: 'The record id of the customer.' }),
      first: t.arg.int({ description: 'Entries per page (default and maximum: the configured page sizes, 20 and 100 unless changed); more is BAD_USER_INPUT.' }),
      after: t.arg.string({ description: 'The endCursor (or an entry cursor) of a previous page in the same order.' }),
      order: t.arg({ type: 'JourneyOrder', defaultValue: 'NEWEST_FIRST' }),
      kinds: t.arg({ type: ['JourneyEntryKind'], description: 'Only these kinds of entry (default: all).' })
    },
    resolve: (_: unknown, args: JourneyArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => customerJourney(args, ctx, scopeOf(ctx, info))
  })
}))
