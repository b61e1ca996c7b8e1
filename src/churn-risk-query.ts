/** The seeds' churn-risk question as one GraphQL query: GraphiQL opens with it. */
export const CHURN_RISK_QUERY = `# Pro customers with an active subscription and an open negative ticket:
# a churn-risk signal for a person or workflow to review, not an automated decision.
query ChurnRisk {
  customers(
    where: {
      plan: { eq: "pro" }
      subscriptions: { some: { status: { eq: "active" } } }
      tickets: { some: { status: { eq: "open" }, sentiment: { eq: "negative" } } }
    }
    orderBy: [{ customerId: ASC }]
    limit: 20
  ) {
    customerId
    name
    plan
    account { name region mrr }
    subscriptions(where: { status: { eq: "active" } }) { plan status renewsAt }
    tickets(where: { status: { eq: "open" }, sentiment: { eq: "negative" } }) { subject createdAt }
  }
}
`
