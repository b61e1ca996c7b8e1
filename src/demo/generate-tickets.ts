import { DAY_MS, between, isoAt } from './demo-time.js'
import type { SupportTicketData } from './demo-types.js'
import type { Rng } from './prng.js'
import { SENTIMENT_CLOSERS, TICKET_TOPICS } from './ticket-topics.js'

const STATUS_WEIGHTS: Readonly<Record<SupportTicketData['status'], number>> = { open: 25, pending: 15, closed: 60 }
const SENTIMENT_WEIGHTS: Readonly<Record<SupportTicketData['sentiment'], number>> = { negative: 30, neutral: 45, positive: 25 }
const CHANNEL_WEIGHTS: Readonly<Record<SupportTicketData['channel'], number>> = { email: 40, chat: 30, web: 20, phone: 10 }
const PRIORITY_BY_SENTIMENT: Readonly<Record<SupportTicketData['sentiment'], Readonly<Record<SupportTicketData['priority'], number>>>> = {
  negative: { low: 5, medium: 30, high: 45, urgent: 20 },
  neutral: { low: 30, medium: 50, high: 15, urgent: 5 },
  positive: { low: 50, medium: 40, high: 10, urgent: 0 }
}

/** Where and when a ticket is created, and an optional forced status/sentiment (used to plant signals). */
export interface TicketSpec {
  ticketId: string
  customerCreatedAtMs: number
  nowMs: number
  force?: Pick<SupportTicketData, 'status' | 'sentiment'>
}

/** Generates one support ticket whose subject, body and priority follow its topic and sentiment. */
export function generateTicket(rng: Rng, spec: TicketSpec): SupportTicketData {
  const topic = rng.pick(TICKET_TOPICS)
  const status = spec.force?.status ?? rng.weighted(STATUS_WEIGHTS)
  const sentiment = spec.force?.sentiment ?? rng.weighted(SENTIMENT_WEIGHTS)
  // Open tickets are recent; closed ones can be old.
  const windowDays = status === 'closed' ? 720 : 45
  const createdMs = between(rng, Math.max(spec.customerCreatedAtMs, spec.nowMs - windowDays * DAY_MS), spec.nowMs - 3600_000)
  const sentences = [rng.pick(topic.openings), rng.pick(topic.details)]
  if (sentiment !== 'neutral' || rng.chance(0.5)) sentences.push(rng.pick(SENTIMENT_CLOSERS[sentiment]))
  return {
    ticketId: spec.ticketId,
    topic: topic.topic,
    subject: rng.pick(topic.subjects),
    body: sentences.join(' '),
    status,
    sentiment,
    priority: rng.weighted(PRIORITY_BY_SENTIMENT[sentiment]),
    channel: rng.weighted(CHANNEL_WEIGHTS),
    createdAt: isoAt(createdMs),
    updatedAt: isoAt(between(rng, createdMs, spec.nowMs))
  }
}

/** True for the churn signal ticket: open and negative. */
export function isOpenNegative(ticket: Pick<SupportTicketData, 'status' | 'sentiment'>): boolean {
  return ticket.status === 'open' && ticket.sentiment === 'negative'
}
