/**
 * `npm run bench:skip-total`: what counting `total` costs the engine, per query shape: the same
 * search with and without `skipTotal`, through the official SDK in-process, on the demo graph in
 * memory (BENCH_CUSTOMERS, default 5000; seed 42). Prints a markdown table (best round of five).
 */
import type { SearchQuery } from '@rushdb/javascript-sdk'
import { CHURN_RISK_QUERY } from '../../src/demo/churn-risk-query.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { measure, type Timing } from './measure.js'
import { openSdk } from './open-sdk.js'

const customers = Number(process.env.BENCH_CUSTOMERS ?? 5000)

const SHAPES: Array<[string, SearchQuery]> = [
  ['first page of a label, no filter', { labels: ['EVENT'], orderBy: { __id: 'asc' }, limit: 20 }],
  ['property filter, sorted', { labels: ['CUSTOMER'], where: { plan: 'pro' }, orderBy: { name: 'asc' }, limit: 20 }],
  ['churn search (two related blocks)', CHURN_RISK_QUERY]
]

const ms = (t: Timing) => `${t.median.toFixed(2)} / ${t.p95.toFixed(2)} ms`

// Each variant is measured in 5 interleaved rounds of 40 (after 3 warm-ups); the round with the
// lowest median is reported, the least disturbed by other jobs on a shared machine.

async function main(): Promise<void> {
  const { engine, db } = await openSdk(':memory:')
  try {
    const started = Date.now()
    await loadDemoGraph(db, { customers, seed: 42 })
    engine.db.exec('ANALYZE')
    console.error(`loaded ${customers} demo customers in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    console.log(`| query (${customers} customers) | matches | with total (median / p95) | skipTotal (median / p95) |`)
    console.log('| --- | --- | --- | --- |')
    for (const [name, query] of SHAPES) {
      const total = (await db.records.find(query)).total
      // Interleaved rounds, so load on a shared machine hits both variants alike.
      const counted: Timing[] = []
      const skipped: Timing[] = []
      for (let round = 0; round < 5; round++) {
        counted.push(await measure(() => db.records.find(query), 3, 40))
        skipped.push(await measure(() => db.records.find({ ...query, skipTotal: true } as SearchQuery), 3, 40))
      }
      const best = (ts: Timing[]) => ts.reduce((a, b) => (b.median < a.median ? b : a))
      console.log(`| ${name} | ${total} | ${ms(best(counted))} | ${ms(best(skipped))} |`)
    }
  } finally {
    engine.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
