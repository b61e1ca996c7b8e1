/**
 * `npm run bench:gateway`: what the production layer costs per request. Times the pre-execution
 * checks alone (document measurement, cost, required scopes) on the churn-risk query, then the
 * whole request through `gateway.fetch` on a small graph: open mode versus API keys with every
 * limit, metrics and logging (to a sink) on; last the CPU time one request costs the process
 * (`process.cpuUsage`, less sensitive to a busy machine than latency) for requests from trivial to
 * three levels deep. BENCH_REQUESTS sets the request count (default 500).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'graphql'
import { CHURN_RISK_QUERY } from '../../src/churn-risk-query.js'
import { loadConfig } from '../../src/config.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { createGateway } from '../../src/gateway.js'
import { operationCost } from '../../src/limits/operation-cost.js'
import { measureOperation } from '../../src/limits/operation-shape.js'
import { createLogger } from '../../src/observability/logger.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import { hashApiKey } from '../../src/security/api-keys.js'
import { requiredScopes } from '../../src/security/required-scopes.js'
import { schema } from '../../src/schema/index.js'

const requests = Number(process.env.BENCH_REQUESTS ?? 500)

function perCall(label: string, n: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(n, 1000); i++) fn()
  const start = process.hrtime.bigint()
  for (let i = 0; i < n; i++) fn()
  const us = Number(process.hrtime.bigint() - start) / 1000 / n
  console.log(`| ${label} | ${n} | ${us.toFixed(1)} µs |`)
}

async function requestLatency(label: string, env: Record<string, string>, headers: Record<string, string>): Promise<void> {
  const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0', ...env })
  const backend = createBackend(config.backend)
  await loadDemoGraph(backend.sdk, { customers: 200, seed: 42 })
  let lines = 0
  const gateway = createGateway(config, backend, { logger: createLogger('info', () => lines++) })
  const body = JSON.stringify({ query: CHURN_RISK_QUERY })
  const send = async () => {
    const res = await gateway.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    if (res.status !== 200) throw new Error(`status ${res.status}: ${await res.text()}`)
    await res.text()
  }
  for (let i = 0; i < 200; i++) await send()
  const times: number[] = []
  for (let i = 0; i < requests; i++) {
    const start = process.hrtime.bigint()
    await send()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2)
  console.log(`| ${label} | ${requests} | ${q(0.5)} ms | ${q(0.95)} ms | ${lines} log lines |`)
  await backend.close()
}

/** CPU milliseconds the process spends per request on each query, over `requests` requests after a warm-up. */
async function requestCpu(queries: Array<[string, string]>): Promise<void> {
  const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0', NODE_ENV: 'production', ALLOW_OPEN_ACCESS: 'true' })
  const backend = createBackend(config.backend)
  await loadDemoGraph(backend.sdk, { customers: 200, seed: 42 })
  const gateway = createGateway(config, backend, { logger: createLogger('info', () => undefined) })
  for (const [label, query] of queries) {
    const body = JSON.stringify({ query })
    const send = async () => {
      const res = await gateway.fetch('http://bench/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      const text = await res.text()
      if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${label}: status ${res.status}: ${text.slice(0, 300)}`)
    }
    for (let i = 0; i < 200; i++) await send()
    const start = process.cpuUsage()
    for (let i = 0; i < requests; i++) await send()
    const used = process.cpuUsage(start)
    console.log(`| ${label} | ${requests} | ${((used.user + used.system) / 1000 / requests).toFixed(2)} ms |`)
  }
  await backend.close()
}

const operation = (name: string) => readFileSync(join(import.meta.dirname, '..', 'operations', `${name}.graphql`), 'utf8')

async function main(): Promise<void> {
  const document = parse(CHURN_RISK_QUERY)
  const sizes = { root: 20, nested: 100, max: 100 }
  console.log('| check on the churn-risk query | calls | per call |\n| --- | --- | --- |')
  perCall('measureOperation (depth, aliases)', 20_000, () => measureOperation(document))
  perCall('operationCost', 20_000, () => operationCost(schema, document, undefined, {}, sizes))
  perCall('requiredScopes', 20_000, () => requiredScopes(schema, document, undefined))
  console.log('\n| churn-risk query through gateway.fetch (200-customer demo graph) | requests | p50 | p95 | |\n| --- | --- | --- | --- | --- |')
  await requestLatency('open mode (no keys), limits on', {}, {})
  await requestLatency('API key + scopes + every limit + metrics + JSON log line', { API_KEYS: `bench:read:${hashApiKey('k')}` }, { authorization: 'Bearer k' })
  console.log('\n| CPU per request through gateway.fetch (200-customer demo graph, NODE_ENV=production) | requests | CPU |\n| --- | --- | --- |')
  await requestCpu([
    ['`{ __typename }` (the pipeline alone)', '{ __typename }'],
    ['flat list (bench/operations/flat-list.graphql)', operation('flat-list')],
    ['three levels (bench/operations/three-levels.graphql)', operation('three-levels')]
  ])
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
