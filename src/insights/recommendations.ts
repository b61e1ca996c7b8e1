import { GraphQLError } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { findRecords } from '../loaders/find-records.js'
import { checkLimit, type CompileScope } from '../resolvers/compile-selection.js'
import { allOf } from '../resolvers/search-query.js'
import { back } from './graph-paths.js'
import { badInput, exactlyOne, notFound } from './insight-errors.js'
import {
  BOUGHT, candidatePageQuery, excludedPlans, groupedQuery, overlapCountQuery, RECOMMENDATION_KINDS,
  type RecommendationKind, type RecommendationSubject
} from './recommendation-queries.js'

/** Most recommendations one request may ask for. */
export const MAX_RECOMMENDATIONS = 50
/** RushDB's largest page; the plain fallback reads candidates in pages of this size. */
const PAGE = 1000
/** Pages of candidates the plain fallback reads at most (50k records). */
const MAX_PAGES = 50

/** Arguments of `recommendations`. */
export interface RecommendationArgs {
  customerId?: string | null
  customerRecordId?: string | null
  limit?: number | null
  kinds?: RecommendationKind[] | null
}

/** One product or plan to suggest, with how many overlapping customers bought it. */
export interface Recommendation {
  kind: RecommendationKind
  name: string
  evidenceCount: number
  reason: string
}

/** Recommendations for one customer. */
export interface Recommendations {
  customer: RecordShape
  products: string[]
  overlappingCustomers: number
  items: Recommendation[]
}

/** Counts candidates per name by distinct buyer on the server (`select` + `groupBy`): one call per kind. */
async function grouped(ctx: GatewayContext, scope: CompileScope, kind: RecommendationKind, subject: RecommendationSubject, limit: number) {
  const { records } = await findRecords(ctx, groupedQuery(scope, kind, subject, limit))
  const field = kind === 'PRODUCT' ? 'product' : 'plan'
  return records.map((r) => ({ name: String(r[field]), evidenceCount: Number(r.evidence) }))
}

/**
 * For RushDB servers without `groupBy` (v1.x): the candidate records themselves, filtered on the
 * graph (only orders of overlapping customers, of products the customer lacks), each with its
 * buyer's id, read page by page and counted per distinct buyer in the gateway.
 */
async function counted(ctx: GatewayContext, scope: CompileScope, kind: RecommendationKind, subject: RecommendationSubject, limit: number) {
  const field = kind === 'PRODUCT' ? 'product' : 'plan'
  const buyers = new Map<string, Set<string>>()
  for (let page = 0; page < MAX_PAGES; page++) {
    const { records, total } = await findRecords(ctx, candidatePageQuery(scope, kind, subject, page * PAGE, PAGE))
    for (const r of records) {
      if (typeof r[field] !== 'string' || typeof r.buyer !== 'string') continue
      const set = buyers.get(r[field] as string) ?? new Set<string>()
      set.add(r.buyer)
      buyers.set(r[field] as string, set)
    }
    if (total === undefined || (page + 1) * PAGE >= total) {
      return [...buyers].map(([name, set]) => ({ name, evidenceCount: set.size }))
        .sort((a, b) => b.evidenceCount - a.evidenceCount || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .slice(0, limit)
    }
  }
  throw new GraphQLError(`more than ${MAX_PAGES * PAGE} candidate records for this customer's ${kind.toLowerCase()} recommendations; on this RushDB server ask for one kind at a time, or use a RushDB 2.x server with the embedded profile`, {
    extensions: { code: 'RELATION_READ_INCOMPLETE' }
  })
}

function reasonFor(kind: RecommendationKind, name: string, evidence: number, overlap: number): string {
  const what = kind === 'PRODUCT' ? `bought ${name}` : `are on the ${name} plan`
  return `${evidence} of the ${overlap} customers who bought the same products as this customer ${what}; this customer has not. A suggestion for a person or workflow to weigh, not a decision.`
}

/**
 * Products and plans bought by customers whose orders overlap with this customer's, which this
 * customer lacks, ordered by evidence (distinct overlapping buyers). Computed on the graph: the
 * customer's products and plans, then per kind one grouped count (or, on plain RushDB, the
 * matching candidates only).
 */
export async function recommendations(args: RecommendationArgs, ctx: GatewayContext, scope: CompileScope): Promise<Recommendations> {
  const { name, value } = exactlyOne('recommendations', args as Record<string, unknown>, ['customerId', 'customerRecordId'])
  const limit = checkLimit('limit', args.limit, { default: 10, max: MAX_RECOMMENDATIONS }, 10)
  const kinds = RECOMMENDATION_KINDS.filter((k) => (args.kinds ?? RECOMMENDATION_KINDS).includes(k))
  if (kinds.length === 0) throw badInput(`kinds must name at least one of ${RECOMMENDATION_KINDS.join(', ')}, or be left out for both`)
  const anchor = name === 'customerId' ? { customerId: value } : { $id: value }
  const rel = scope.lookup('Customer').relations
  const own = (label: string, where: object) => findRecords(ctx, { labels: [label], where: where as never, limit: PAGE })
  const [customer, orders, subscriptions] = await Promise.all([
    findRecords(ctx, { labels: ['CUSTOMER'], where: anchor, limit: 1 }),
    own('ORDER', allOf([BOUGHT, back('CUSTOMER', rel.orders, anchor, scope.profile)])),
    own('SUBSCRIPTION', back('CUSTOMER', rel.subscriptions, anchor, scope.profile))
  ])
  const record = customer.records[0]
  if (!record) throw notFound(`no customer with ${name} ${JSON.stringify(value)}; check the id, or look it up with customers(where: …)`)
  const distinct = (rows: RecordShape[], field: string) => [...new Set(rows.map((r) => r[field]).filter((v): v is string => typeof v === 'string'))].sort()
  const subject: RecommendationSubject = { customerRecordId: record.__id, products: distinct(orders.records, 'product'), plans: excludedPlans(subscriptions.records) }
  if (subject.products.length === 0) return { customer: record, products: [], overlappingCustomers: 0, items: [] }
  // `select`/`groupBy` come with RushDB 2.x; the engine has them, the remote profile keeps to v1.8 forms.
  const count = scope.profile.relatedCollect ? grouped : counted
  const [overlap, ...perKind] = await Promise.all([findRecords(ctx, overlapCountQuery(scope, subject)), ...kinds.map((k) => count(ctx, scope, k, subject, limit))])
  const overlapping = overlap.total ?? 0
  const items = perKind
    .flatMap((rows, i) => rows.map((r) => ({ kind: kinds[i], ...r, reason: reasonFor(kinds[i], r.name, r.evidenceCount, overlapping) })))
    .sort((a, b) => b.evidenceCount - a.evidenceCount || RECOMMENDATION_KINDS.indexOf(a.kind) - RECOMMENDATION_KINDS.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
  return { customer: record, products: subject.products, overlappingCustomers: overlapping, items }
}
