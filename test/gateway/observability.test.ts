import { context, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { traceTransport } from '../../src/observability/trace-transport.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { bearer, createProductionGateway, KEYS, keyedEnv, type ProductionGateway } from './production-gateway.js'

let t: ProductionGateway

beforeAll(async () => {
  t = await createProductionGateway(keyedEnv)
  await loadFixtureGraph(t.backend.sdk)
})

describe('structured logs', () => {
  it('writes one JSON line per request with the caller’s request id, key, operation, status, RushDB calls and codes', async () => {
    const res = await t.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42', ...bearer(KEYS.reader) },
      body: JSON.stringify({ query: 'query Churn { customers(limit: 2) { customerId subscriptions { status } } }', operationName: 'Churn' })
    })
    expect(res.headers.get('x-request-id')).toBe('req-42')
    const line = t.logs.find((l) => l.requestId === 'req-42')
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'POST', path: '/graphql', status: 200, key: 'reader', operationName: 'Churn', operationType: 'query', rushdbCalls: 1 })
    expect(typeof line!.durationMs).toBe('number')
    expect(typeof line!.time).toBe('string')
  })

  it('mints a request id when none (or a hostile one) is sent, and logs refusals with their codes', async () => {
    const res = await t.gateway.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'bad id\n{"level":"forged"}' },
      body: JSON.stringify({ query: '{ customers { customerId } }' })
    })
    const id = res.headers.get('x-request-id')!
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    expect(t.logs.find((l) => l.requestId === id)).toMatchObject({ level: 'warn', status: 401, errorCodes: ['UNAUTHENTICATED'], rushdbCalls: 0 })
  })
})

describe('Prometheus metrics', () => {
  it('counts requests and latency by operation, RushDB calls per request and errors by code', async () => {
    await t.post({ query: 'query Metered { customers(limit: 1) { customerId } }' }, bearer(KEYS.reader))
    await t.post({ query: 'query Metered { customers(limit: 1) { customerId } }' }, bearer(KEYS.reader))
    await t.post({ query: 'mutation Nope { __typename }' }, bearer(KEYS.reader))
    const res = await t.gateway.fetch('http://gateway.test/metrics', { headers: bearer(KEYS.admin) })
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(text).toContain('graphql_requests_total{operation="Metered",type="query",status="200"} 2')
    expect(text).toContain('graphql_request_duration_seconds_count{operation="Metered",type="query"} 2')
    expect(text).toContain('graphql_rushdb_calls_per_request_sum{operation="Metered"} 2')
    expect(text).toContain('graphql_rushdb_calls_per_request_bucket{le="1",operation="Metered"} 2')
    expect(text).toContain('graphql_errors_total{code="FORBIDDEN"} 1')
    expect(text).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} \d+/)
  })

  it('caps the number of operation-name labels so clients cannot grow it without bound', async () => {
    const g = await createProductionGateway({ RATE_LIMIT_PER_MINUTE: '0' })
    for (let i = 0; i < 210; i++) await g.post({ query: `query Op${i} { __typename }` })
    const text = await (await g.gateway.fetch('http://gateway.test/metrics')).text()
    expect(text).toContain('graphql_requests_total{operation="other",type="query",status="200"} 10')
    expect(text).not.toContain('operation="Op205"')
  })
})

describe('masked errors', () => {
  it('turns a storage failure into BACKEND_UNAVAILABLE without the internal message', async () => {
    const g = await createProductionGateway({}, {
      wrapTransport: (inner) => ({
        makeRequest: (url, config) => (url.includes('/records/search') ? Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:7687 neo4j password=hunter2')) : inner.makeRequest(url, config))
      })
    })
    const res = await g.post({ query: '{ customers { customerId } }' })
    const text = JSON.stringify(res.body)
    expect(res.body.errors[0].extensions.code).toBe('BACKEND_UNAVAILABLE')
    expect(res.body.errors[0].message).toBe('RushDB is unavailable; retry later')
    expect(text).not.toMatch(/hunter2|ECONNREFUSED|10\.1\.2\.3|stack|originalError/)
  })
})

describe('OpenTelemetry tracing', () => {
  const exporter = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  const contextManager = new AsyncLocalStorageContextManager().enable()
  afterAll(() => {
    trace.disable()
    context.disable()
  })

  it('emits a span per execution with its RushDB call spans nested under it', async () => {
    context.setGlobalContextManager(contextManager)
    trace.setGlobalTracerProvider(provider)
    const g = await createProductionGateway({ OTEL_TRACING: 'true' }, { wrapTransport: (inner) => traceTransport(inner) })
    await loadFixtureGraph(g.backend.sdk)
    exporter.reset()
    const res = await g.post({ query: 'query Traced { customers(limit: 2) { customerId } }' })
    expect(res.body.errors).toBeUndefined()
    const spans = exporter.getFinishedSpans()
    const root = spans.find((s) => s.name === 'graphql.execute Traced')!
    expect(root.attributes).toMatchObject({ 'graphql.operation.name': 'Traced', 'graphql.operation.type': 'query', 'rushdb.calls': 1 })
    const calls = spans.filter((s) => s.name === 'rushdb POST /records/search')
    expect(calls).toHaveLength(1)
    expect(calls[0].parentSpanContext?.spanId).toBe(root.spanContext().spanId)
  })
})
