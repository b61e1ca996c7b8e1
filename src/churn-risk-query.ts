/** The churn-risk question as one GraphQL query: GraphiQL opens with it. */
export const CHURN_RISK_QUERY = `# Customers at risk of churning: every signal that fired, the records behind it and a
# plain-language reason. Decision support: a person or workflow reviews them and decides.
query ChurnRisk {
  churnRisk(inactiveDays: 30, limit: 20) {
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
