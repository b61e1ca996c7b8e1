import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { findRecords } from '../loaders/find-records.js'
import type { GraphQLObjectType, SelectionSetNode } from 'graphql'
import { checkLimit, checkOffset, compileSelect, type CompileScope } from '../resolvers/compile-selection.js'
import { selectedFields } from '../resolvers/walk-selection.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import { CHURN_SIGNAL_KINDS, churnPageQuery, collectedEvidenceQuery, evidenceQueries, type ChurnSignalKind } from './churn-queries.js'
import { downgradeReason, inactiveReason, openTicketReason, overallReason, overdueReason } from './churn-reasons.js'
import { badInput } from './insight-errors.js'

/** Longest inactivity window accepted, in days (ten years). */
export const MAX_INACTIVE_DAYS = 3650
const DAY_MS = 86_400_000

/** Arguments of `churnRisk`, as GraphQL coerced them. */
export interface ChurnRiskArgs {
  inactiveDays?: number | null
  now?: Date | null
  signals?: ChurnSignalKind[] | null
  limit?: number | null
  offset?: number | null
}

/** One signal that fired, with the records behind it. */
export interface ChurnSignal {
  kind: ChurnSignalKind
  reason: string
  evidence: RecordShape[]
}

/** A customer at risk with every signal that fired. */
export interface ChurnRisk {
  customer: RecordShape
  signals: ChurnSignal[]
  reason: string
}

/** One page of at-risk customers. */
export interface ChurnRiskPage {
  items: ChurnRisk[]
  totalCount: number
  hasMore: boolean
  now: string
  inactiveSince: string
}

function checkArgs(args: ChurnRiskArgs, ctx: GatewayContext) {
  const days = args.inactiveDays ?? 30
  if (!Number.isInteger(days) || days < 1 || days > MAX_INACTIVE_DAYS) throw badInput(`inactiveDays must be a whole number of days between 1 and ${MAX_INACTIVE_DAYS}, got ${days}`)
  const now = args.now ?? new Date()
  const kinds = args.signals ?? [...CHURN_SIGNAL_KINDS]
  if (kinds.length === 0) throw badInput(`signals must name at least one of ${CHURN_SIGNAL_KINDS.join(', ')}, or be left out for all of them`)
  const offset = checkOffset(args.offset)
  const limit = checkLimit('limit', args.limit, ctx.config.pageSize, ctx.config.pageSize.default)
  return { days, now, kinds: CHURN_SIGNAL_KINDS.filter((k) => kinds.includes(k)), offset, limit }
}

/** Runs the queries of one kind in parallel; `undefined` queries are skipped. */
async function runAll(ctx: GatewayContext, queries: Record<string, GatewaySearchQuery | undefined>): Promise<Record<string, Map<string, RecordShape>>> {
  const entries = Object.entries(queries).filter((e): e is [string, GatewaySearchQuery] => e[1] !== undefined)
  const results = await Promise.all(entries.map(([, q]) => findRecords(ctx, q)))
  return Object.fromEntries(entries.map(([name], i) => [name, new Map(results[i].records.map((r) => [r.__id, r]))]))
}

const list = (row: RecordShape | undefined, key: string) => ((row?.[key] as RecordShape[] | undefined) ?? []).filter((r) => r && r.__id)

/**
 * Customers at risk of churning, each with every signal that fired and the records behind it: one
 * query for the page of customers (signals evaluated on the graph), then one query per signal kind
 * for the whole page's evidence. Decision support: nothing is changed.
 */
export async function churnRisk(args: ChurnRiskArgs, ctx: GatewayContext, scope: CompileScope, selections: readonly SelectionSetNode[] = []): Promise<ChurnRiskPage> {
  const { days, now, kinds, offset, limit } = checkArgs(args, ctx)
  const since = new Date(now.getTime() - days * DAY_MS).toISOString()
  const input = { since, kinds }
  const pageQuery = churnPageQuery(scope, input, limit + 1, offset)
  // The customers' own relation fields ride on the page query where the backend can fold them.
  const select = ctx.config.foldRelations ? compileSelect(scope, scope.lookup('Customer'), customerSelections(scope, selections)) : undefined
  if (select) pageQuery.select = select
  const page = await findRecords(ctx, pageQuery)
  const customers = page.records.slice(0, limit)
  const base = { now: now.toISOString(), inactiveSince: since, hasMore: page.records.length > limit }
  if (customers.length === 0) return { ...base, items: [], totalCount: page.total ?? offset }
  const ids = customers.map((c) => c.__id)
  const found = scope.profile.relatedCollect ? await collectedEvidence(ctx, scope, input, ids) : await runAll(ctx, { ...evidenceQueries(scope, input, ids) })
  const items: ChurnRisk[] = []
  for (const customer of customers) {
    const signals = signalsOf(customer.__id, found, days)
    // A customer whose records changed between the page and the evidence queries shows no signal: left out.
    if (signals.length > 0) items.push({ customer, signals, reason: overallReason(signals.map((s) => s.kind)) })
  }
  return { ...base, items, totalCount: page.total ?? offset + page.records.length }
}

/**
 * The evidence of a page from one collecting query (plus the INACTIVE ids), reshaped into the rows
 * the per-kind queries of plain RushDB give: a customer has a row for a signal only if it fired.
 */
async function collectedEvidence(ctx: GatewayContext, scope: CompileScope, input: { since: string; kinds: ChurnSignalKind[] }, ids: string[]): Promise<Record<string, Map<string, RecordShape>>> {
  const plain = evidenceQueries(scope, input, ids)
  const [evidence, inactive] = await Promise.all([
    findRecords(ctx, collectedEvidenceQuery(scope, input, ids)),
    plain.INACTIVE ? findRecords(ctx, plain.INACTIVE) : Promise.resolve(undefined)
  ])
  const found: Record<string, Map<string, RecordShape>> = { OPEN_NEGATIVE_TICKET: new Map(), OVERDUE_INVOICES: new Map(), lastEvent: new Map(), lastFeatureUse: new Map(), DOWNGRADE: new Map() }
  if (inactive) found.INACTIVE = new Map(inactive.records.map((r) => [r.__id, r]))
  const time = (r: RecordShape) => (typeof r.dueAt === 'string' ? Date.parse(r.dueAt) : Infinity)
  for (const row of evidence.records) {
    const row_ = (rows: RecordShape[], extra: Record<string, unknown>) => (rows.length > 0 ? ({ __id: row.__id, ...extra } as RecordShape) : undefined)
    const put = (kind: string, value: RecordShape | undefined) => value && found[kind].set(row.__id, value)
    const tickets = list(row, 'ev__tickets')
    const paid = list(row, 'ev__paid')
    if (paid.length > 0) put('OPEN_NEGATIVE_TICKET', row_(tickets, { tickets, subscriptions: paid }))
    const invoices = list(row, 'ev__billed').flatMap((s) => list(s, 'ev__invoices')).sort((a, b) => time(a) - time(b))
    put('OVERDUE_INVOICES', row_(invoices, { invoices }))
    put('lastEvent', row_(list(row, 'ev__lastEvent'), { last: list(row, 'ev__lastEvent') }))
    put('lastFeatureUse', row_(list(row, 'ev__lastUse'), { last: list(row, 'ev__lastUse') }))
    put('DOWNGRADE', row_(list(row, 'ev__downgrades'), { subscriptions: list(row, 'ev__downgrades') }))
  }
  return found
}

/** The selection sets of `items { customer { … } }` under a `churnRisk` selection. */
function customerSelections(scope: CompileScope, selections: readonly SelectionSetNode[]): SelectionSetNode[] {
  const step = (typeName: string, sets: readonly SelectionSetNode[], field: string) => {
    const type = scope.schema.getType(typeName) as GraphQLObjectType
    return selectedFields(scope, type, sets).filter((f) => f.name === field && f.selectionSet).map((f) => f.selectionSet!)
  }
  return step('ChurnRisk', step('ChurnRiskPage', selections, 'items'), 'customer')
}

function signalsOf(id: string, found: Record<string, Map<string, RecordShape>>, days: number): ChurnSignal[] {
  const signals: ChurnSignal[] = []
  const open = found.OPEN_NEGATIVE_TICKET?.get(id)
  if (open) {
    const tickets = list(open, 'tickets')
    const subscriptions = list(open, 'subscriptions')
    signals.push({ kind: 'OPEN_NEGATIVE_TICKET', reason: openTicketReason(tickets, subscriptions), evidence: [...tickets, ...subscriptions] })
  }
  const overdue = found.OVERDUE_INVOICES?.get(id)
  if (overdue) {
    const invoices = list(overdue, 'invoices')
    signals.push({ kind: 'OVERDUE_INVOICES', reason: overdueReason(invoices), evidence: invoices })
  }
  if (found.INACTIVE?.has(id)) {
    const lastEvent = list(found.lastEvent?.get(id), 'last')[0]
    const lastUse = list(found.lastFeatureUse?.get(id), 'last')[0]
    signals.push({ kind: 'INACTIVE', reason: inactiveReason(days, lastEvent, lastUse), evidence: [lastEvent, lastUse].filter((r): r is RecordShape => !!r) })
  }
  const downgrade = found.DOWNGRADE?.get(id)
  if (downgrade) {
    const subscriptions = list(downgrade, 'subscriptions')
    signals.push({ kind: 'DOWNGRADE', reason: downgradeReason(subscriptions), evidence: subscriptions })
  }
  return signals
}
