import { DAY_MS, between, isoAt, pad } from './demo-time.js'
import type { AccountData, CustomerPayload, CustomerPlan, DemoLink, InvoiceData, SupportTicketData } from './demo-types.js'
import { generateOrders } from './generate-orders.js'
import { generateSubscriptions } from './generate-subscriptions.js'
import { generateTicket, isOpenNegative } from './generate-tickets.js'
import { generateEvents, generateFeatureUsage } from './generate-usage.js'
import { FIRST_NAMES, LAST_NAMES, slug } from './name-catalogue.js'
import type { Rng } from './prng.js'

const PLAN_WEIGHTS: Readonly<Record<CustomerPlan, number>> = { free: 25, starter: 30, pro: 30, enterprise: 15 }

/** Share of pro customers planted as churn risks (≈ 3.6% of all customers). */
const CHURN_SHARE_OF_PRO = 0.12
/** Share of customers inactive for 60+ days. */
const INACTIVE_SHARE = 0.12
/** Share of tickets that arrive later from the helpdesk export instead of nested in the customer. */
const HELPDESK_SHARE = 0.2

/** One customer and everything that hangs off it. */
export interface GeneratedCustomer {
  payload: CustomerPayload
  helpdeskTickets: SupportTicketData[]
  invoices: InvoiceData[]
  links: DemoLink[]
  plantedChurn: boolean
}

/** Generates customer number `index` (0-based) of `account`. */
export function generateCustomer(rng: Rng, index: number, account: AccountData, accountCreatedMs: number, nowMs: number): GeneratedCustomer {
  const num = pad(index + 1)
  const customerId = `cust-${num}`
  const plan = rng.weighted(PLAN_WEIGHTS)
  const plantedChurn = plan === 'pro' && rng.chance(CHURN_SHARE_OF_PRO)
  const first = rng.pick(FIRST_NAMES)
  const last = rng.pick(LAST_NAMES)
  const createdAtMs = between(rng, accountCreatedMs, nowMs - 20 * DAY_MS)
  const inactive = rng.chance(INACTIVE_SHARE)
  const lastActiveMs = inactive
    ? Math.max(createdAtMs + DAY_MS, nowMs - rng.int(60, 200) * DAY_MS - rng.int(0, 86_399) * 1000)
    : between(rng, Math.max(createdAtMs, nowMs - 29 * DAY_MS), nowMs)
  const history = generateSubscriptions(rng, { num, plan, forceActive: plantedChurn, createdAtMs, nowMs })
  const tickets = generateTickets(rng, num, createdAtMs, nowMs, plantedChurn)
  // Keeps the planted set exact: no other pro customer with an active subscription gets the signal.
  const hasActive = history.subscriptions.some((s) => s.status === 'active')
  if (plan === 'pro' && hasActive && !plantedChurn) {
    for (const t of tickets) if (isOpenNegative(t)) t.status = 'pending'
  }
  const nested: SupportTicketData[] = []
  const helpdeskTickets: SupportTicketData[] = []
  for (const t of tickets) (rng.chance(HELPDESK_SHARE) ? helpdeskTickets : nested).push(t)
  const payload: CustomerPayload = {
    customerId,
    name: `${first} ${last}`,
    email: `${slug(first)}.${slug(last)}.${index + 1}@${slug(account.name)}.example`,
    plan,
    region: rng.chance(0.85) ? account.region : rng.pick(['EU', 'NA', 'APAC', 'LATAM'] as const),
    createdAt: isoAt(createdAtMs),
    lastActiveAt: isoAt(lastActiveMs),
    updatedAt: isoAt(between(rng, lastActiveMs, nowMs)),
    SUBSCRIPTION: history.subscriptions,
    ORDER: generateOrders(rng, { num, industry: account.industry, paying: plan !== 'free', createdAtMs, nowMs }),
    SUPPORT_TICKET: nested,
    EVENT: generateEvents(rng, { num, createdAtMs, lastActiveMs }),
    FEATURE_USAGE: generateFeatureUsage(rng, { num, createdAtMs, lastActiveMs })
  }
  const invoices = history.subscriptions.flatMap((s) => history.invoices.get(s.subscriptionId) ?? [])
  return { payload, helpdeskTickets, invoices, links: customerLinks(account, payload, helpdeskTickets, history.invoices), plantedChurn }
}

/** 0–3 tickets; a planted churn risk gets one open negative ticket among them. */
function generateTickets(rng: Rng, num: string, createdAtMs: number, nowMs: number, plantedChurn: boolean): SupportTicketData[] {
  const count = plantedChurn ? rng.int(1, 3) : rng.int(0, 3)
  const signalAt = plantedChurn ? rng.int(0, count - 1) : -1
  const tickets: SupportTicketData[] = []
  for (let k = 0; k < count; k++) {
    const force = k === signalAt ? { status: 'open', sentiment: 'negative' } as const : undefined
    tickets.push(generateTicket(rng, { ticketId: `tkt-${num}-${k + 1}`, customerCreatedAtMs: createdAtMs, nowMs, force }))
  }
  return tickets
}

function customerLinks(
  account: AccountData, customer: CustomerPayload, helpdeskTickets: readonly SupportTicketData[], invoices: Map<string, InvoiceData[]>
): DemoLink[] {
  const links: DemoLink[] = [{ type: 'BELONGS_TO', from: customer.customerId, to: account.accountId }]
  for (const sub of customer.SUBSCRIPTION) {
    links.push({ type: 'HAS_SUBSCRIPTION', from: account.accountId, to: sub.subscriptionId })
    for (const inv of invoices.get(sub.subscriptionId) ?? []) {
      links.push({ type: 'HAS_INVOICE', from: sub.subscriptionId, to: inv.invoiceId })
    }
  }
  for (const t of helpdeskTickets) links.push({ type: 'CREATED', from: customer.customerId, to: t.ticketId })
  return links
}
