import { TOUCHPOINT_CHANNEL_WEIGHTS, TOUCHPOINT_NOTES, TOUCHPOINT_OUTCOME_WEIGHTS } from './activity-catalogue.js'
import { DAY_MS, between, isoAt, pad } from './demo-time.js'
import type { AccountData, AccountPlan, CustomerPlan, CustomerPayload, Region, TouchpointData } from './demo-types.js'
import { COMPANY_PREFIXES, COMPANY_SUFFIXES, INDUSTRIES } from './name-catalogue.js'
import type { Rng } from './prng.js'

/** Region weights: most accounts in EU and NA. */
const REGION_WEIGHTS: Readonly<Record<Region, number>> = { EU: 35, NA: 35, APAC: 20, LATAM: 10 }

const PLAN_RANK: Readonly<Record<CustomerPlan, number>> = { free: 0, starter: 1, pro: 2, enterprise: 3 }

/** An account before its customers exist; `plan` and `mrr` are derived from them afterwards. */
export interface AccountDraft {
  account: AccountData
  createdAtMs: number
  touchpoints: TouchpointData[]
}

/** Generates account number `index` (0-based) and its 0–4 touchpoints. */
export function generateAccount(rng: Rng, index: number, nowMs: number): AccountDraft {
  const accountId = `acc-${pad(index + 1)}`
  const createdAtMs = nowMs - rng.int(120, 1500) * DAY_MS - rng.int(0, 86_399) * 1000
  const account: AccountData = {
    accountId,
    name: `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_SUFFIXES)}`,
    plan: 'starter',
    region: rng.weighted(REGION_WEIGHTS),
    industry: rng.pick(INDUSTRIES),
    mrr: 0,
    createdAt: isoAt(createdAtMs),
    updatedAt: isoAt(between(rng, createdAtMs, nowMs))
  }
  const touchpoints: TouchpointData[] = []
  const count = rng.int(0, 4)
  for (let k = 1; k <= count; k++) {
    const channel = rng.weighted(TOUCHPOINT_CHANNEL_WEIGHTS)
    touchpoints.push({
      touchpointId: `tp-${pad(index + 1)}-${k}`,
      channel,
      outcome: rng.weighted(TOUCHPOINT_OUTCOME_WEIGHTS),
      notes: rng.pick(TOUCHPOINT_NOTES[channel]),
      occurredAt: isoAt(between(rng, Math.max(createdAtMs, nowMs - 365 * DAY_MS), nowMs))
    })
  }
  return { account, createdAtMs, touchpoints }
}

/**
 * Sets the account's plan to its best customer plan (free counts as starter) and its MRR to the
 * sum of its customers' billable subscriptions, so account-level and customer-level data agree.
 */
export function finalizeAccount(account: AccountData, customers: readonly CustomerPayload[]): void {
  let best: CustomerPlan = 'starter'
  let mrr = 0
  for (const customer of customers) {
    if (PLAN_RANK[customer.plan] > PLAN_RANK[best]) best = customer.plan
    for (const sub of customer.SUBSCRIPTION) {
      if (sub.status === 'active' || sub.status === 'past_due') mrr += sub.mrr
    }
  }
  account.plan = best as AccountPlan
  account.mrr = mrr
}
