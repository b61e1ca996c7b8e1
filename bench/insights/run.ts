/**
 * `npm run bench:insights`: the Customer 360 questions on a generated graph in the embedded engine,
 * through `gateway.fetch`, with the embedded and the remote (plain RushDB) profile on the same
 * engine. Prints per question the RushDB calls and the median and p95 wall time over
 * BENCH_RUNS runs (default 5) on BENCH_CUSTOMERS customers (default 1000).
 */
import { loadConfig } from '../../src/config.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { createGateway, type Gateway } from '../../src/gateway.js'
import { createBackend } from '../../src/rushdb/create-backend.js'

const customers = Number(process.env.BENCH_CUSTOMERS ?? 1000)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const NOW = '2026-06-01T00:00:00Z'

const QUESTIONS: Record<string, string> = {
  'churnRisk (20 per page, all signals)': `{ churnRisk(now: "${NOW}", limit: 20) { totalCount items { reason customer { customerId account { name } } signals { kind reason evidence { __typename } } } } }`,
  'churnRisk (100 per page)': `{ churnRisk(now: "${NOW}", limit: 100) { items { customer { customerId } signals { kind evidence { __typename } } } } }`,
  'accountContext (from a ticket)': `{ accountContext(ticketId: "tkt-000028-1") { customer { name } account { name } activeSubscription { plan } overdueInvoiceCount recentTickets { subject } recentTouchpoints { channel } } }`,
  'customerJourney (20 entries)': `{ customerJourney(customerId: "cust-000028", first: 20) { entries { at kind summary } pageInfo { endCursor } } }`,
  'recommendations (10)': `{ recommendations(customerId: "cust-000028") { overlappingCustomers items { kind name evidenceCount } } }`
}

async function time(gateway: Gateway, query: string): Promise<{ calls: number; median: number; p95: number }> {
  const once = async () => {
    const start = performance.now()
    const res = await gateway.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    const body = (await res.json()) as { errors?: unknown; extensions: { rushdb: { calls: number } } }
    if (body.errors) throw new Error(JSON.stringify(body.errors))
    return { ms: performance.now() - start, calls: body.extensions.rushdb.calls }
  }
  await once()
  const samples: number[] = []
  let calls = 0
  for (let i = 0; i < runs; i++) {
    const r = await once()
    samples.push(r.ms)
    calls = r.calls
  }
  samples.sort((a, b) => a - b)
  return { calls, median: samples[Math.floor(samples.length / 2)], p95: samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] }
}

async function main(): Promise<void> {
  const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent' })
  const backend = createBackend(config.backend)
  const loaded = await loadDemoGraph(backend.sdk, { customers, seed: 42 })
  console.log(`graph: ${customers} customers, ${loaded.records} records, loaded in ${(loaded.ms / 1000).toFixed(1)} s; ${runs} runs per question`)
  const remoteConfig = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent', BACKEND_PROFILE: 'remote' })
  const gateways: Array<[string, Gateway]> = [
    ['embedded', createGateway(config, backend)],
    ['remote', createGateway(remoteConfig, createBackend(remoteConfig.backend, { engine: backend.engine }))]
  ]
  console.log('| question | profile | RushDB calls | median | p95 |')
  console.log('| --- | --- | --- | --- | --- |')
  for (const [name, query] of Object.entries(QUESTIONS)) {
    for (const [profile, gateway] of gateways) {
      const r = await time(gateway, query)
      console.log(`| ${name} | ${profile} | ${r.calls} | ${r.median.toFixed(1)} ms | ${r.p95.toFixed(1)} ms |`)
    }
  }
  await backend.close()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
