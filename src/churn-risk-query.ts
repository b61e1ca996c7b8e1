/** The churn-risk question as one GraphQL query: GraphiQL opens with it. */
export const CHURN_RISK_QUERY = `# Customers at risk of churning: every signal that fired, the records behind it and a
# plain-language reason. Decision support: a person or workflow reviews them and decides.
# \`now\` is the demo graph's clock; leave it out on live data (default: the current time).
query ChurnRisk {
  churnRisk(inactiveDays: 30, now: "2026-06-01T00:00:00Z", limit: 20) {
    totalCount
    items {
      reason
      customer { customerId name plan account { name region mrr } }
      signals {
        kind
        reason
        evidence {
          __typename
          ... on Ticket { ticketId subject status sentiment createdAt }
          ... on Invoice { invoiceId amount status dueAt }
          ... on Subscription { subscriptionId plan previousPlan status }
          ... on Event { type occurredAt }
          ... on FeatureUsage { feature lastUsedAt }
        }
      }
    }
  }
}
`
