import type { SearchQuery } from '@rushdb/javascript-sdk'

/**
 * The seeds' churn-risk question: pro customers with an active subscription and an open
 * negative-sentiment ticket. The demo generator plants exactly the customers this returns.
 */
export const CHURN_RISK_WHERE = {
  plan: 'pro',
  SUBSCRIPTION: { status: 'active' },
  SUPPORT_TICKET: { status: 'open', sentiment: 'negative' }
}

/** The churn-risk SearchQuery as the seeds write it, ordered by customerId for stable pages. */
export const CHURN_RISK_QUERY: SearchQuery = {
  labels: ['CUSTOMER'],
  where: CHURN_RISK_WHERE,
  orderBy: { customerId: 'asc' },
  limit: 50
}
