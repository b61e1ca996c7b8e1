import { DAY_MS, addMonths, between, isoAt, monthIndex, monthKey, startOfMonth } from './demo-time.js'
import type { CustomerPlan, InvoiceData, SubscriptionData } from './demo-types.js'
import type { Rng } from './prng.js'

const SEAT_PRICE: Readonly<Record<CustomerPlan, number>> = { free: 0, starter: 15, pro: 40, enterprise: 70 }
const SEAT_RANGE: Readonly<Record<CustomerPlan, [number, number]>> = {
  free: [1, 1], starter: [1, 5], pro: [3, 25], enterprise: [20, 200]
}
const HIGHER_PLANS: Readonly<Record<CustomerPlan, readonly CustomerPlan[]>> = {
  free: ['starter', 'pro'], starter: ['pro', 'enterprise'], pro: ['enterprise'], enterprise: []
}
const CURRENT_STATUS_WEIGHTS: Readonly<Record<SubscriptionData['status'], number>> = {
  active: 76, past_due: 6, trialing: 8, cancelled: 10
}

/** What a customer's subscription history looks like. */
export interface SubscriptionPlan {
  num: string
  plan: CustomerPlan
  /** Planted churn risks always keep an active subscription. */
  forceActive: boolean
  createdAtMs: number
  nowMs: number
}

/** A customer's subscriptions (newest first) and the invoices of each, keyed by subscriptionId. */
export interface SubscriptionHistory {
  subscriptions: SubscriptionData[]
  invoices: Map<string, InvoiceData[]>
}

/** Generates 1–2 subscriptions (a current one, sometimes an older cancelled one) with monthly invoices. */
export function generateSubscriptions(rng: Rng, spec: SubscriptionPlan): SubscriptionHistory {
  const { num, plan, createdAtMs, nowMs } = spec
  const hasOlder = rng.chance(0.35) && nowMs - createdAtMs > 120 * DAY_MS
  const downgraded = HIGHER_PLANS[plan].length > 0 && rng.chance(0.1)
  const previousPlan = downgraded ? rng.pick(HIGHER_PLANS[plan]) : undefined
  const currentStart = hasOlder ? between(rng, createdAtMs + 60 * DAY_MS, nowMs - 14 * DAY_MS) : createdAtMs
  let status: SubscriptionData['status'] = spec.forceActive ? 'active' : rng.weighted(CURRENT_STATUS_WEIGHTS)
  if (plan === 'free' && status === 'past_due') status = 'active'
  const subscriptions = [
    buildSubscription(rng, `sub-${num}-1`, plan, status, currentStart, nowMs, previousPlan)
  ]
  if (hasOlder) {
    const olderPlan = previousPlan ?? rng.pick<CustomerPlan>(['free', 'starter', 'pro', 'enterprise'])
    subscriptions.push(buildSubscription(rng, `sub-${num}-2`, olderPlan, 'cancelled', createdAtMs, currentStart, undefined))
  }
  const invoices = new Map<string, InvoiceData[]>()
  for (const sub of subscriptions) invoices.set(sub.subscriptionId, generateInvoices(rng, sub, nowMs))
  return { subscriptions, invoices }
}

function buildSubscription(
  rng: Rng, subscriptionId: string, plan: CustomerPlan, status: SubscriptionData['status'],
  startMs: number, endLimitMs: number, previousPlan: CustomerPlan | undefined
): SubscriptionData {
  const [minSeats, maxSeats] = SEAT_RANGE[plan]
  const seats = rng.int(minSeats, maxSeats)
  let renewsMs = addMonths(startMs, 1)
  if (status === 'cancelled') {
    // A cancelled subscription "renewed" last when it ended: somewhere between start and the limit.
    renewsMs = Math.min(endLimitMs, Math.max(renewsMs, between(rng, startMs, endLimitMs)))
  } else {
    // Monthly renewal on the start day: the first anniversary after the limit.
    let months = Math.max(1, monthsBetween(startOfMonth(startMs), startOfMonth(endLimitMs)))
    renewsMs = addMonths(startMs, months)
    while (renewsMs <= endLimitMs) renewsMs = addMonths(startMs, ++months)
  }
  const sub: SubscriptionData = {
    subscriptionId,
    plan,
    status,
    startedAt: isoAt(startMs),
    renewsAt: isoAt(renewsMs),
    seats,
    mrr: status === 'trialing' ? 0 : seats * SEAT_PRICE[plan],
    updatedAt: isoAt(between(rng, startMs, status === 'cancelled' ? renewsMs : endLimitMs))
  }
  if (previousPlan) sub.previousPlan = previousPlan
  return sub
}

/** 1–6 monthly invoices ending at the subscription's last billed month; none for unbilled (free, trial) plans. */
function generateInvoices(rng: Rng, sub: SubscriptionData, nowMs: number): InvoiceData[] {
  if (sub.mrr === 0) return []
  const startMonth = startOfMonth(Date.parse(sub.startedAt))
  const lastMonth = startOfMonth(sub.status === 'cancelled' ? Date.parse(sub.renewsAt) : nowMs)
  const available = monthsBetween(startMonth, lastMonth) + 1
  let count = Math.min(rng.int(1, 6), available)
  if (sub.status === 'past_due') count = Math.min(Math.max(count, 2), available)
  const invoices: InvoiceData[] = []
  for (let k = count - 1; k >= 0; k--) {
    const issuedMs = addMonths(lastMonth, -k)
    const dueMs = issuedMs + 14 * DAY_MS
    invoices.push({
      invoiceId: `inv-${sub.subscriptionId.slice(4)}-${monthKey(issuedMs).replace('-', '')}`,
      month: monthKey(issuedMs),
      amount: sub.mrr,
      status: 'paid',
      issuedAt: isoAt(issuedMs),
      dueAt: isoAt(dueMs),
      paidAt: null
    })
  }
  settleInvoices(rng, invoices, sub.status === 'past_due', nowMs)
  return invoices
}

/** Marks invoices paid, open (not due yet) or overdue (the newest past-due one of a past_due subscription). */
function settleInvoices(rng: Rng, invoices: InvoiceData[], pastDue: boolean, nowMs: number): void {
  let overdueSet = false
  for (let i = invoices.length - 1; i >= 0; i--) {
    const inv = invoices[i]
    const dueMs = Date.parse(inv.dueAt)
    if (dueMs >= nowMs) {
      inv.status = 'open'
    } else if (pastDue && !overdueSet) {
      inv.status = 'overdue'
      overdueSet = true
    } else {
      inv.paidAt = isoAt(Math.min(nowMs, Date.parse(inv.issuedAt) + rng.int(0, 12) * DAY_MS + rng.int(0, 86_399) * 1000))
    }
  }
}

function monthsBetween(fromMs: number, toMs: number): number {
  return Math.max(0, monthIndex(toMs) - monthIndex(fromMs))
}
