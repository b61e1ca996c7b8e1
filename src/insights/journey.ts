import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { findRecords } from '../loaders/find-records.js'
import { checkLimit, type CompileScope } from '../resolvers/compile-selection.js'
import { badInput, exactlyOne, notFound } from './insight-errors.js'
import { decodeJourneyCursor, encodeJourneyCursor, type JourneyCursor } from './journey-cursor.js'
import { JOURNEY_KINDS, JOURNEY_SOURCES, sourceQuery, type JourneyKind, type JourneySource } from './journey-sources.js'

/** Arguments of `customerJourney`. */
export interface JourneyArgs {
  customerId?: string | null
  customerRecordId?: string | null
  first?: number | null
  after?: string | null
  order?: 'NEWEST_FIRST' | 'OLDEST_FIRST' | null
  kinds?: JourneyKind[] | null
}

/** One dated entry of a customer's timeline. */
export interface JourneyEntry {
  at: string
  kind: JourneyKind
  summary: string
  record: RecordShape
  cursor: string
}

/** A page of a customer's timeline. */
export interface JourneyPage {
  customer: RecordShape
  entries: JourneyEntry[]
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
}

interface Candidate {
  source: JourneySource
  record: RecordShape
  ms: number
}

function compare(order: 'desc' | 'asc') {
  const sign = order === 'desc' ? -1 : 1
  return (a: Candidate, b: Candidate) => sign * (a.ms - b.ms) || sign * (a.record.__id < b.record.__id ? -1 : a.record.__id > b.record.__id ? 1 : 0)
}

/** The cursor after `entry`: its instant, and every id returned at that instant so far. */
function cursorAfter(page: Candidate[], index: number, order: 'desc' | 'asc', previous?: JourneyCursor): JourneyCursor {
  const last = page[index]
  const at = last.record[last.source.time] as string
  const ids = page.slice(0, index + 1).filter((c) => c.ms === last.ms).map((c) => c.record.__id)
  if (previous && Date.parse(previous.at) === last.ms) ids.unshift(...previous.ids)
  return { order, at, ids }
}

/**
 * A customer's timeline merged across events, orders, tickets, the account's touchpoints and
 * subscriptions, ordered by time. Each page asks every selected source for its next `first + 1`
 * entries after the cursor (one query per source, plus the customer, in parallel) and merges them:
 * the page is exact however the sources interleave, and costs the same at any depth.
 */
export async function customerJourney(args: JourneyArgs, ctx: GatewayContext, scope: CompileScope): Promise<JourneyPage> {
  const { name, value } = exactlyOne('customerJourney', args as Record<string, unknown>, ['customerId', 'customerRecordId'])
  const size = checkLimit('first', args.first, ctx.config.pageSize, ctx.config.pageSize.default)
  const order = args.order === 'OLDEST_FIRST' ? 'asc' : 'desc'
  const cursor = args.after ? decodeJourneyCursor(args.after, order) : undefined
  const kinds = args.kinds ?? [...JOURNEY_KINDS]
  if (kinds.length === 0) throw badInput(`kinds must name at least one of ${JOURNEY_KINDS.join(', ')}, or be left out for all of them`)
  const anchor = name === 'customerId' ? { customerId: value } : { $id: value }
  const sources = JOURNEY_SOURCES.filter((s) => kinds.includes(s.kind))
  const [customer, ...found] = await Promise.all([
    findRecords(ctx, { labels: ['CUSTOMER'], where: anchor, limit: 1, ...(scope.profile.skipTotal ? { skipTotal: true } : {}) }),
    ...sources.map((source) => findRecords(ctx, sourceQuery(scope, source, anchor, order, size + 1, cursor)))
  ])
  if (!customer.records[0]) throw notFound(`no customer with ${name} ${JSON.stringify(value)}; check the id, or look it up with customers(where: …)`)
  const candidates: Candidate[] = found.flatMap((r, i) => r.records.map((record) => ({ source: sources[i], record, ms: Date.parse(record[sources[i].time] as string) })))
  candidates.sort(compare(order))
  const page = candidates.slice(0, size)
  const entries = page.map((c, i) => ({
    at: c.record[c.source.time] as string,
    kind: c.source.kind,
    summary: c.source.summary(c.record),
    record: c.record,
    cursor: encodeJourneyCursor(cursorAfter(page, i, order, cursor))
  }))
  return {
    customer: customer.records[0],
    entries,
    pageInfo: { hasNextPage: candidates.length > size, hasPreviousPage: !!cursor, startCursor: entries[0]?.cursor ?? null, endCursor: entries[entries.length - 1]?.cursor ?? null }
  }
}
