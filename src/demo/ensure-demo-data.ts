import type { RushDB } from '@rushdb/javascript-sdk'
import { loadDemoGraph, type LoadDemoGraphOptions, type LoadResult } from './load-demo-graph.js'

/** Customers loaded on a first start when the caller does not say how many. */
export const DEFAULT_DEMO_CUSTOMERS = 1000

/**
 * Loads the demo graph only into a store without CUSTOMER records (for `npm start`'s first start);
 * returns what was written, or null when CUSTOMER records were already there.
 * Not atomic across batches: an interrupted first load leaves a partial graph that counts as loaded.
 */
export async function ensureDemoData(db: RushDB, options: Partial<LoadDemoGraphOptions> = {}): Promise<LoadResult | null> {
  const existing = await db.records.find({ labels: ['CUSTOMER'], limit: 1 })
  if (existing.data.length > 0) return null
  return loadDemoGraph(db, { ...options, customers: options.customers ?? DEFAULT_DEMO_CUSTOMERS })
}
