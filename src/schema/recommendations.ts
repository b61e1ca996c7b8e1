import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { RECOMMENDATION_KINDS } from '../insights/recommendation-queries.js'
import { MAX_RECOMMENDATIONS, recommendations, type Recommendation, type RecommendationArgs, type Recommendations } from '../insights/recommendations.js'
import { scopeOf } from '../loaders/root-queries.js'

const b = builder as any

b.enumType('RecommendationKind', {
  description: 'What a recommendation suggests.',
  values: {
    PRODUCT: { value: RECOMMENDATION_KINDS[0], description: 'A product (Order.product) the customer never bought (cancelled and refunded orders do not count).' },
    PLAN: { value: RECOMMENDATION_KINDS[1], description: 'A plan (Subscription.plan, active subscriptions of others) the customer never had and that is above its best current plan (free < starter < pro < enterprise): an upgrade. Free is never suggested.' }
  }
})

b.objectType('Recommendation', {
  description: 'A product or plan that customers with overlapping orders bought and this customer did not.',
  fields: (t: any) => ({
    kind: t.field({ type: 'RecommendationKind', nullable: false, resolve: (r: Recommendation) => r.kind }),
    name: t.string({ nullable: false, description: 'The product or plan name.', resolve: (r: Recommendation) => r.name }),
    evidenceCount: t.int({ nullable: false, description: 'How many distinct overlapping customers bought it (or are on the plan).', resolve: (r: Recommendation) => r.evidenceCount }),
    reason: t.string({ nullable: false, description: 'The evidence in plain language.', resolve: (r: Recommendation) => r.reason })
  })
})

b.objectType('Recommendations', {
  description: 'Recommendations for one customer, most evidence first.',
  fields: (t: any) => ({
    customer: t.field({ type: 'Customer', nullable: false, resolve: (r: Recommendations) => r.customer }),
    products: t.stringList({ nullable: false, description: "The customer's own bought products the overlap is computed from.", resolve: (r: Recommendations) => r.products }),
    overlappingCustomers: t.int({ nullable: false, description: 'Other customers who bought at least one of those products.', resolve: (r: Recommendations) => r.overlappingCustomers }),
    items: t.field({ type: ['Recommendation'], nullable: false, description: 'By evidenceCount descending, then PRODUCT before PLAN, then name.', resolve: (r: Recommendations) => r.items })
  })
})

b.queryFields((t: any) => ({
  recommendations: t.field({
    type: 'Recommendations',
    nullable: false,
    description:
      "Products and plans bought by customers whose orders overlap with this customer's (another customer who bought at least one of the same products), which this customer has not bought, with the evidence count. " +
      'Computed on the graph: 3 RushDB calls for the customer, its products and plans, then one for the overlap count and one grouped count per kind (select + groupBy) on the embedded engine; ' +
      'a RushDB server without groupBy returns only the matching candidate records (pages of 1000), counted in the gateway. Suggestions for a person or workflow to weigh. An unknown customer is NOT_FOUND.',
    args: {
      customerId: t.arg.string({ description: 'The customerId (give this or customerRecordId).' }),
      customerRecordId: t.arg.id({ description: 'The record id of the customer.' }),
      limit: t.arg.int({ defaultValue: 10, description: `At most this many recommendations (1 to ${MAX_RECOMMENDATIONS}).` }),
      kinds: t.arg({ type: ['RecommendationKind'], description: 'Only these kinds (default: both).' })
    },
    resolve: (_: unknown, args: RecommendationArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => recommendations(args, ctx, scopeOf(ctx, info))
  })
}))
