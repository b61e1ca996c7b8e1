import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { checkLimit, type CompileScope } from '../resolvers/compile-selection.js'
import { contextByCollect } from './account-context-collect.js'
import { contextByPlainQueries } from './account-context-plain.js'
import { exactlyOne } from './insight-errors.js'

/** Most recent tickets and touchpoints a context may ask for. */
export const MAX_RECENT = 20

/** Arguments of `accountContext`. */
export interface AccountContextArgs {
  ticketId?: string | null
  ticketRecordId?: string | null
  accountId?: string | null
  accountRecordId?: string | null
  recent?: number | null
}

/** Where the context starts: a ticket or an account, by natural key or record id. */
export interface ContextStart {
  label: 'SUPPORT_TICKET' | 'ACCOUNT'
  /** The root `where` naming the record. */
  where: Record<string, string>
  /** How the record was named, for messages. */
  describe: string
  recent: number
}

/** Everything a support agent needs next to a ticket. */
export interface AccountContext {
  ticket: RecordShape | null
  customer: RecordShape | null
  account: RecordShape | null
  activeSubscription: RecordShape | null
  overdueInvoiceCount: number
  recentTickets: RecordShape[]
  recentTouchpoints: RecordShape[]
}

const ARG: Record<string, { label: ContextStart['label']; key: string; noun: string }> = {
  ticketId: { label: 'SUPPORT_TICKET', key: 'ticketId', noun: 'ticket with ticketId' },
  ticketRecordId: { label: 'SUPPORT_TICKET', key: '$id', noun: 'ticket with record id' },
  accountId: { label: 'ACCOUNT', key: 'accountId', noun: 'account with accountId' },
  accountRecordId: { label: 'ACCOUNT', key: '$id', noun: 'account with record id' }
}

/** Newest first by a datetime property, ties by id (newest first), at most `n`. */
export function newest(records: RecordShape[], property: string, n: number): RecordShape[] {
  const time = (r: RecordShape) => (typeof r[property] === 'string' ? Date.parse(r[property] as string) || 0 : 0)
  return [...records].sort((a, b) => time(b) - time(a) || (a.__id < b.__id ? 1 : a.__id > b.__id ? -1 : 0)).slice(0, n)
}

/**
 * The context of a support ticket or account in one root field: on the embedded engine one
 * SearchQuery with nested related collects; on a plain RushDB server, which has no related
 * collect, a fixed handful of queries in two parallel rounds (see account-context-plain.ts).
 */
export async function accountContext(args: AccountContextArgs, ctx: GatewayContext, scope: CompileScope): Promise<AccountContext> {
  const { name, value } = exactlyOne('accountContext', args as Record<string, unknown>, ['ticketId', 'ticketRecordId', 'accountId', 'accountRecordId'])
  const arg = ARG[name]
  const start: ContextStart = {
    label: arg.label,
    where: { [arg.key]: value },
    describe: `${arg.noun} ${JSON.stringify(value)}`,
    recent: checkLimit('recent', args.recent, { default: 5, max: MAX_RECENT }, 5)
  }
  return scope.profile.relatedCollect ? contextByCollect(ctx, scope, start) : contextByPlainQueries(ctx, scope, start)
}
