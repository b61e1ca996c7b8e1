import { parseNow } from './demo-time.js'
import type { DemoBatch, DemoGraph, DemoGraphOptions, ResolvedDemoGraphOptions } from './demo-types.js'
import { finalizeAccount, generateAccount } from './generate-account.js'
import { generateCustomer, type GeneratedCustomer } from './generate-customer.js'
import { createRng, deriveSeed } from './prng.js'

/** The default seed and clock of the demo graph. */
export const DEMO_DEFAULTS = { seed: 42, accountsPerCustomer: 0.25, now: '2026-06-01T00:00:00Z' } as const

/** Builds the deterministic demo customer graph; nothing is generated until batches are iterated. */
export function generateCustomerGraph(options: DemoGraphOptions): DemoGraph {
  const resolved = resolveOptions(options)
  return { options: resolved, customerBatches: (batchSize) => customerBatches(resolved, batchSize) }
}

function resolveOptions(options: DemoGraphOptions): ResolvedDemoGraphOptions {
  const resolved = {
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    customers: options.customers,
    accountsPerCustomer: options.accountsPerCustomer ?? DEMO_DEFAULTS.accountsPerCustomer,
    now: options.now ?? DEMO_DEFAULTS.now
  }
  if (!Number.isInteger(resolved.customers) || resolved.customers < 0) {
    throw new Error(`generateCustomerGraph: "customers" must be a non-negative integer, got ${options.customers}`)
  }
  if (!Number.isInteger(resolved.seed)) throw new Error(`generateCustomerGraph: "seed" must be an integer, got ${options.seed}`)
  if (!(resolved.accountsPerCustomer > 0 && resolved.accountsPerCustomer <= 1)) {
    throw new Error(`generateCustomerGraph: "accountsPerCustomer" must be in (0, 1], got ${options.accountsPerCustomer}`)
  }
  parseNow(resolved.now)
  return resolved
}

function emptyBatch(): DemoBatch {
  return { accounts: [], touchpoints: [], customers: [], helpdeskTickets: [], invoices: [], links: [], plantedChurnCustomerIds: [] }
}

/**
 * Each account draws from its own PRNG stream (seed mixed with the account number) and its
 * customers are generated from that stream, so the content never depends on the batch size.
 */
function* customerBatches(options: ResolvedDemoGraphOptions, batchSize: number): Generator<DemoBatch> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`customerBatches: batchSize must be a positive integer, got ${batchSize}`)
  const nowMs = parseNow(options.now)
  const maxAccountSize = Math.max(1, Math.round(2 / options.accountsPerCustomer - 1))
  let batch = emptyBatch()
  let customerIndex = 0
  for (let accountIndex = 0; customerIndex < options.customers; accountIndex++) {
    const rng = createRng(deriveSeed(options.seed, accountIndex))
    const size = Math.min(rng.int(1, maxAccountSize), options.customers - customerIndex)
    const draft = generateAccount(rng, accountIndex, nowMs)
    const customers: GeneratedCustomer[] = []
    for (let k = 0; k < size; k++) customers.push(generateCustomer(rng, customerIndex++, draft.account, draft.createdAtMs, nowMs))
    finalizeAccount(draft.account, customers.map((c) => c.payload))
    for (const [k, customer] of customers.entries()) {
      if (batch.customers.length === batchSize) {
        yield batch
        batch = emptyBatch()
      }
      if (k === 0) addAccount(batch, draft.account, draft.touchpoints)
      addCustomer(batch, customer)
    }
  }
  if (batch.customers.length > 0) yield batch
}

function addAccount(batch: DemoBatch, account: DemoBatch['accounts'][number], touchpoints: DemoBatch['touchpoints']): void {
  batch.accounts.push(account)
  for (const tp of touchpoints) {
    batch.touchpoints.push(tp)
    batch.links.push({ type: 'HAS_TOUCHPOINT', from: account.accountId, to: tp.touchpointId })
  }
}

function addCustomer(batch: DemoBatch, customer: GeneratedCustomer): void {
  batch.customers.push(customer.payload)
  batch.helpdeskTickets.push(...customer.helpdeskTickets)
  batch.invoices.push(...customer.invoices)
  batch.links.push(...customer.links)
  if (customer.plantedChurn) batch.plantedChurnCustomerIds.push(customer.payload.customerId)
}
