import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNaiveSchema } from '../../bench/naive/naive-schema.js'
import { normalizeAnswer } from '../../bench/suite/normalize-answer.js'
import { openSqlFloorOperations } from '../../bench/suite/sql-floor-operations.js'
import { translateOperation } from '../../bench/suite/translate-operation.js'
import { operationText, pendingOperations, referenceOperations, type ReferenceOperation } from '../../bench/suite/reference-operations.js'
import { loadConfig } from '../../src/config.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createGateway, type Gateway } from '../../src/gateway.js'
import { createBackend } from '../../src/rushdb/create-backend.js'
import { schema } from '../../src/schema/index.js'

// The benchmark suite's baseline must be honest: the same answers as the gateway, paid for with
// one RushDB call per parent. A small demo graph keeps this fast; no timings are asserted.
const CUSTOMERS = 150

let engine: Engine
let ours: Gateway
let naive: Gateway
let operations: ReferenceOperation[]

async function run(gateway: Gateway, query: string, variables: Record<string, unknown> = {}) {
  const res = await gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables })
  })
  const body = await res.json()
  expect(res.status).toBe(200)
  expect(body.errors).toBeUndefined()
  return { data: body.data, calls: body.extensions.rushdb.calls as number }
}

beforeAll(async () => {
  engine = createEngine({ path: ':memory:' })
  const env = { ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0' }
  const oursConfig = loadConfig(env)
  const naiveConfig = loadConfig({ ...env, FOLD_RELATIONS: 'false' })
  const oursBackend = createBackend(oursConfig.backend, { engine })
  ours = createGateway(oursConfig, oursBackend)
  naive = createGateway(naiveConfig, createBackend(naiveConfig.backend, { engine }), {}, createNaiveSchema())
  await oursBackend.sdk.waitForInitialization()
  await loadDemoGraph(oursBackend.sdk, { customers: CUSTOMERS })
  // A shallow "deep" page on this small graph: the cursor is built the same way as on large ones.
  operations = await referenceOperations(oursBackend.sdk, 60)
})

afterAll(() => engine?.close())

describe('naive baseline of the benchmark suite', () => {
  it('returns the same JSON as the gateway for every reference operation, with one RushDB call per root field on ours', async () => {
    const pending = pendingOperations(schema).map((p) => p.name)
    const all = ['flat-list', 'three-levels', 'churn-risk', 'ticket-context', 'first-page', 'deep-page', 'mrr-by-region']
    expect(operations.map((o) => o.name)).toEqual(all.filter((n) => !pending.includes(n)))
    for (const op of operations) {
      const a = await run(ours, op.query, op.variables)
      const b = await run(naive, op.query, op.variables)
      expect(b.data, op.name).toEqual(a.data)
      expect(JSON.stringify(b.data), op.name).toBe(JSON.stringify(a.data))
      expect(a.calls, op.name).toBe(1)
    }
  })

  it('answers with real data: the lists are full and the context ticket has subscriptions with invoices', async () => {
    const byName = Object.fromEntries(operations.map((o) => [o.name, o]))
    const three = await run(ours, byName['three-levels'].query)
    expect(three.data.customers).toHaveLength(20)
    const context = await run(ours, byName['ticket-context'].query, byName['ticket-context'].variables)
    const subscriptions = context.data.ticket.customer.subscriptions as Array<{ invoices: unknown[] }>
    expect(subscriptions.some((s) => s.invoices.length > 0)).toBe(true)
    const churn = await run(ours, byName['churn-risk'].query)
    expect(churn.data.customers.length).toBeGreaterThan(0)
    const first = await run(ours, byName['first-page'].query)
    const deep = await run(ours, byName['deep-page'].query, byName['deep-page'].variables)
    expect(first.data.customersConnection.edges).toHaveLength(20)
    expect(deep.data.customersConnection.edges[0].node.customerId > first.data.customersConnection.edges[19].node.customerId).toBe(true)
  })

  it('pays one call per parent on the naive side, so its count grows with the rows while ours stays at 1', async () => {
    const three = operationText('three-levels')
    for (const limit of [5, 20]) {
      const query = three.replace('customers(limit: 20)', `customers(limit: ${limit})`)
      const a = await run(ours, query)
      const b = await run(naive, query)
      const subscriptions = (a.data.customers as Array<{ subscriptions: unknown[] }>).reduce((n, c) => n + c.subscriptions.length, 0)
      expect(a.calls).toBe(1)
      // The customers, one per customer for its subscriptions, one per subscription for its invoices.
      expect(b.calls).toBe(1 + limit + subscriptions)
    }
  })

  it('the deep-page cursor is the endCursor a client paging that far would hold', async () => {
    const op = operations.find((o) => o.name === 'deep-page')!
    const page = operationText('customer-page').replace('first: 20', 'first: 60')
    const walked = await run(ours, page)
    expect(walked.data.customersConnection.edges[59].cursor).toBe(op.variables.after)
  })
})

describe('translation step timed by the benchmark suite', () => {
  it('compiles exactly the SearchQuery the gateway sends for each reference operation', async () => {
    const sent: unknown[] = []
    const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', RATE_LIMIT_PER_MINUTE: '0' })
    const backend = createBackend(config.backend, {
      engine,
      wrapTransport: (inner) => ({
        makeRequest(url, request) {
          if (url.endsWith('/records/search')) sent.push(request.requestData)
          return inner.makeRequest(url, request)
        }
      })
    })
    const gateway = createGateway(config, backend)
    for (const op of operations) {
      sent.length = 0
      const roots = translateOperation(schema, config, op.query, op.variables)
      await run(gateway, op.query, op.variables)
      expect(sent, op.name).toHaveLength(1)
      expect(roots, op.name).toHaveLength(1)
      expect(sent[0], op.name).toEqual(roots[0].compile())
    }
  })
})

describe('SQL floor of the benchmark suite', () => {
  it('answers every reference operation exactly as the gateway does', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'floor-')), 'graph.db')
    engine.db.exec(`VACUUM INTO '${path}'`)
    const floor = openSqlFloorOperations(path)
    try {
      for (const op of operations) {
        const a = await run(ours, op.query, op.variables)
        expect(normalizeAnswer(floor.run(op.name, op.variables)), op.name).toEqual(normalizeAnswer(a.data))
      }
    } finally {
      floor.close()
    }
  })
})
