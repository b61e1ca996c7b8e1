import { beforeAll, describe, expect, it } from 'vitest'
import { schema } from '../../src/schema/index.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { FuzzOperations } from './fuzz-operations.js'
import { createProductionGateway, type ProductionGateway } from './production-gateway.js'

const RUNS = 3000
let t: ProductionGateway

beforeAll(async () => {
  // Rate limit off: thousands of requests from one client are the point here.
  t = await createProductionGateway({ RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'silent' })
  await loadFixtureGraph(t.backend.sdk)
})

/** Why a response is not well-formed, or undefined when it is. */
function malformed(status: number, contentType: string | null, text: string): string | undefined {
  if (status >= 500) return `status ${status}`
  if (status === 405 && text === '') return undefined
  if (!contentType?.includes('json')) return `content-type ${contentType}`
  let body: any
  try {
    body = JSON.parse(text)
  } catch {
    return 'body is not JSON'
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object'
  if (!('data' in body) && !('errors' in body)) return 'neither data nor errors'
  for (const e of body.errors ?? []) {
    if (typeof e.message !== 'string' || !e.message) return 'error without message'
    if (typeof e.extensions?.code !== 'string') return `error without code: ${e.message}`
    if (e.extensions.code === 'INTERNAL_SERVER_ERROR') return `internal error: ${JSON.stringify(e)}`
    if (/\bat .+\.(ts|js):\d+/.test(JSON.stringify(e))) return 'stack trace leaked'
  }
  if (typeof body.extensions?.rushdb?.calls !== 'number') return 'no extensions.rushdb.calls'
  return undefined
}

describe('fuzzing the gateway with malformed and hostile requests', () => {
  it(`answers ${RUNS} generated requests without a crash, a 500 or a malformed response`, async () => {
    const fuzz = new FuzzOperations(schema, 20261121)
    const failures: string[] = []
    const statuses = new Map<number, number>()
    const codes = new Map<string, number>()
    for (let i = 0; i < RUNS; i++) {
      const req = fuzz.next()
      const res = await t.gateway.fetch(`http://gateway.test/graphql${req.search ?? ''}`, {
        method: req.method,
        headers: { accept: 'application/graphql-response+json, application/json', ...(req.contentType ? { 'content-type': req.contentType } : {}) },
        body: req.method === 'GET' ? undefined : req.body
      })
      const text = await res.text()
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
      for (const m of text.matchAll(/"code":"([A-Z_]+)"/g)) codes.set(m[1], (codes.get(m[1]) ?? 0) + 1)
      const why = malformed(res.status, res.headers.get('content-type'), text)
      if (why && failures.length < 10) failures.push(`#${i} ${req.kind} ${req.method} ${(req.body ?? req.search ?? '').slice(0, 200)} → ${why}`)
    }
    console.info(`fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}, codes ${JSON.stringify(Object.fromEntries(codes))}`)
    expect(failures).toEqual([])
    // The generator reaches both sides: answers with data and every kind of refusal.
    // Root fields that need one of several arguments (accountContext, customerJourney, …) refuse
    // most random selections, so answers with data are a smaller share than refusals.
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 20)
    expect(statuses.get(400)).toBeGreaterThan(RUNS / 10)
    for (const code of ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST']) expect(codes.get(code), code).toBeGreaterThan(0)
    // Still serving afterwards.
    const after = await t.post({ query: '{ customer(customerId: "cust-1") { name } }' })
    expect(after.body.data.customer.name).toBe('Ann Lee')
  })
})
