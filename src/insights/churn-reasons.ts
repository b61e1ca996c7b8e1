import type { RecordShape } from '../builder.js'
import type { ChurnSignalKind } from './churn-queries.js'

/** The calendar day of an ISO datetime, or "an unknown date". */
export function day(value: unknown): string {
  return typeof value === 'string' && value.length >= 10 ? value.slice(0, 10) : 'an unknown date'
}

function money(amount: number): string {
  return `$${Number.isInteger(amount) ? amount : amount.toFixed(2)}`
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Plain-language reason for an open negative ticket on an active paid subscription. */
export function openTicketReason(tickets: RecordShape[], subscriptions: RecordShape[]): string {
  const latest = tickets[0]
  const plans = [...new Set(subscriptions.map((s) => s.plan).filter((p) => typeof p === 'string'))].join(', ')
  const subject = typeof latest?.subject === 'string' ? ` ("${latest.subject}", opened ${day(latest.createdAt)})` : ''
  const what = tickets.length === 1 ? `An open support ticket with negative sentiment${subject}` : `${tickets.length} open support tickets with negative sentiment, the latest${subject}`
  return `${what}, while on an active paid subscription${plans ? ` (${plans})` : ''}.`
}

/** Plain-language reason for overdue invoices (oldest due date first). */
export function overdueReason(invoices: RecordShape[]): string {
  const total = invoices.reduce((sum, i) => sum + (typeof i.amount === 'number' ? i.amount : 0), 0)
  const oldest = invoices[0]
  const when = typeof oldest?.dueAt === 'string' ? `, the oldest due ${day(oldest.dueAt)}` : typeof oldest?.month === 'string' ? `, the oldest for ${oldest.month}` : ''
  return `${plural(invoices.length, 'overdue invoice')} totalling ${money(total)}${when}.`
}

/** Plain-language reason for inactivity, with the last activity seen. */
export function inactiveReason(days: number, lastEvent: RecordShape | undefined, lastUse: RecordShape | undefined): string {
  const seen: string[] = []
  if (lastEvent) seen.push(`last event ${day(lastEvent.occurredAt)}${typeof lastEvent.type === 'string' ? ` (${lastEvent.type})` : ''}`)
  if (lastUse) seen.push(`last feature use ${day(lastUse.lastUsedAt)}${typeof lastUse.feature === 'string' ? ` (${lastUse.feature})` : ''}`)
  return `No product events or feature usage in the last ${plural(days, 'day')}; ${seen.length > 0 ? seen.join(', ') : 'no activity recorded at all'}.`
}

/** Plain-language reason for a downgrade. */
export function downgradeReason(subscriptions: RecordShape[]): string {
  return subscriptions.map((s) => `Downgraded from ${String(s.previousPlan)} to ${String(s.plan)} (subscription ${String(s.subscriptionId ?? s.__id)}, ${String(s.status)} since ${day(s.startedAt)}).`).join(' ')
}

const SHORT: Record<ChurnSignalKind, string> = {
  OPEN_NEGATIVE_TICKET: 'an open negative support ticket on a paid plan',
  OVERDUE_INVOICES: 'overdue invoices',
  INACTIVE: 'no recent product activity',
  DOWNGRADE: 'a plan downgrade'
}

/** The overall reason: which signals fired, and that a person or workflow decides what to do. */
export function overallReason(kinds: ChurnSignalKind[]): string {
  const parts = kinds.map((k) => SHORT[k])
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
  return `${plural(kinds.length, 'churn signal')}: ${list}. A signal for a person or workflow to review, not a decision.`
}
