import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { accountContext, MAX_RECENT, type AccountContext, type AccountContextArgs } from '../insights/account-context.js'
import { scopeOf } from '../loaders/root-queries.js'

const b = builder as any

b.objectType('AccountContext', {
  description: 'The account context of a support ticket or an account: who opened it, the account, its active subscription, overdue invoices, and recent tickets and touchpoints.',
  fields: (t: any) => ({
    ticket: t.field({ type: 'Ticket', description: 'The ticket the context was asked for (null when asked for an account).', resolve: (c: AccountContext) => c.ticket }),
    customer: t.field({ type: 'Customer', description: 'The customer who opened the ticket (null when asked for an account).', resolve: (c: AccountContext) => c.customer }),
    account: t.field({ type: 'Account', description: "The account: the ticket customer's, or the one asked for. Null when the customer belongs to none; the fields below then cover the customer alone.", resolve: (c: AccountContext) => c.account }),
    activeSubscription: t.field({ type: 'Subscription', description: 'The most recently started subscription with status active, or null.', resolve: (c: AccountContext) => c.activeSubscription }),
    overdueInvoiceCount: t.int({ nullable: false, description: 'Invoices with status overdue over all its subscriptions.', resolve: (c: AccountContext) => c.overdueInvoiceCount }),
    recentTickets: t.field({ type: ['Ticket'], nullable: false, description: "The most recent support tickets of all the account's customers, newest first (createdAt).", resolve: (c: AccountContext) => c.recentTickets }),
    recentTouchpoints: t.field({ type: ['Touchpoint'], nullable: false, description: 'The most recent marketing and sales touchpoints of the account, newest first (occurredAt).', resolve: (c: AccountContext) => c.recentTouchpoints })
  })
})

b.queryFields((t: any) => ({
  accountContext: t.field({
    type: 'AccountContext',
    nullable: false,
    description:
      'Everything a support agent needs next to a ticket, from the ticket (ticketId or its record id) or from an account (accountId or its record id): one of the four. ' +
      'One RushDB call on the embedded engine (nested related collects); on a RushDB server, 5 calls from an account and 7 from a ticket, whatever the account size. ' +
      'Relation fields selected on the returned records are loaded like any relation field. An unknown ticket or account is NOT_FOUND.',
    args: {
      ticketId: t.arg.string({ description: 'The ticketId of the helpdesk.' }),
      ticketRecordId: t.arg.id({ description: 'The record id of the ticket.' }),
      accountId: t.arg.string({ description: 'The accountId of the CRM.' }),
      accountRecordId: t.arg.id({ description: 'The record id of the account.' }),
      recent: t.arg.int({ defaultValue: 5, description: `How many recent tickets and touchpoints (1 to ${MAX_RECENT}).` })
    },
    resolve: (_: unknown, args: AccountContextArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => accountContext(args, ctx, scopeOf(ctx, info))
  })
}))
