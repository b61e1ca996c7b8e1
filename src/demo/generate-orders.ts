import { between, isoAt } from './demo-time.js'
import type { OrderData } from './demo-types.js'
import { INDUSTRY_GROUP, PRODUCTS, PRODUCT_GROUPS, PRODUCT_GROUP_NAMES } from './product-catalogue.js'
import type { Rng } from './prng.js'

const STATUS_WEIGHTS: Readonly<Record<OrderData['status'], number>> = { completed: 80, pending: 8, refunded: 6, cancelled: 6 }

/** Inputs that shape a customer's orders. */
export interface OrderSpec {
  num: string
  industry: string
  paying: boolean
  createdAtMs: number
  nowMs: number
}

/**
 * Generates 0–4 orders, oldest first. Each customer has one interest group (usually its industry's)
 * and buys inside it 80% of the time, walking the group in catalogue order, so pairs like
 * "Analytics Pro → Dashboard Builder" co-occur far more often than chance.
 */
export function generateOrders(rng: Rng, spec: OrderSpec): OrderData[] {
  const count = spec.paying ? rng.int(0, 4) : rng.int(0, 1)
  const group = rng.chance(0.6) ? INDUSTRY_GROUP[spec.industry] : rng.pick(PRODUCT_GROUP_NAMES)
  const products = PRODUCT_GROUPS[group]
  let cursor = rng.int(0, 1)
  const dates: number[] = []
  for (let k = 0; k < count; k++) dates.push(between(rng, spec.createdAtMs, spec.nowMs))
  dates.sort((a, b) => a - b)
  return dates.map((orderedMs, k) => {
    const product = rng.chance(0.8) ? products[cursor++ % products.length] : rng.pick(PRODUCTS)
    const quantity = product.priceUsd >= 500 ? 1 : rng.int(1, 5)
    return {
      orderId: `ord-${spec.num}-${k + 1}`,
      product: product.name,
      quantity,
      totalUsd: product.priceUsd * quantity,
      status: rng.weighted(STATUS_WEIGHTS),
      orderedAt: isoAt(orderedMs)
    }
  })
}
