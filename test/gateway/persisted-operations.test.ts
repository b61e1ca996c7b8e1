import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GraphQLError } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/observability/logger.js'
import { createErrorMasker } from '../../src/security/mask-error.js'
import { loadFixtureGraph } from './fixture-graph.js'
import { bearer, createProductionGateway, KEYS, keyedEnv, type ProductionGateway } from './production-gateway.js'

const dir = mkdtempSync(join(tmpdir(), 'persisted-'))
const file = join(dir, 'operations.json')
const CHURN = 'query Churn { customers(where: { plan: { eq: "pro" } }, orderBy: [{ customerId: ASC }], limit: 2) { customerId } }'
let t: ProductionGateway

beforeAll(async () => {
  writeFileSync(file, JSON.stringify({ churn: CHURN }))
  t = await createProductionGateway({ ...keyedEnv, PERSISTED_OPERATIONS_FILE: file, PERSISTED_OPERATIONS_ONLY: 'true' })
  await loadFixtureGraph(t.backend.sdk)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('persisted-operations-only mode', () => {
  it('runs a listed operation by id or by the SHA-256 of its text', async () => {
    const byId = await t.post({ documentId: 'churn' }, bearer(KEYS.reader))
    expect(byId.body.data.customers).toEqual([{ customerId: 'cust-1' }, { customerId: 'cust-2' }])
    const sha256Hash = createHash('sha256').update(CHURN).digest('hex')
    const byHash = await t.post({ extensions: { persistedQuery: { version: 1, sha256Hash } } }, bearer(KEYS.reader))
    expect(byHash.body.data.customers).toHaveLength(2)
  })

  it('refuses any other document, and unknown ids, before RushDB', async () => {
    const before = t.storageCalls()
    const text = await t.post({ query: '{ customers { customerId } }' }, bearer(KEYS.reader))
    expect(text.status).toBe(400)
    expect(text.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY')
    expect(text.body.errors[0].message).toContain('documentId')
    const unknown = await t.post({ documentId: 'nope' }, bearer(KEYS.reader))
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND')
    expect(t.storageCalls()).toBe(before)
  })

  it('still checks the key first, and lets admin keys send any document', async () => {
    expect((await t.post({ documentId: 'churn' })).status).toBe(401)
    const admin = await t.post({ query: '{ customers(limit: 1) { customerId } }' }, bearer(KEYS.admin))
    expect(admin.body.data.customers).toEqual([{ customerId: 'cust-1' }])
  })

  it('is refused at start-up without a file to serve', async () => {
    await expect(createProductionGateway({ PERSISTED_OPERATIONS_ONLY: 'true' })).rejects.toThrow(/PERSISTED_OPERATIONS_FILE/)
  })
})

describe('the error masker', () => {
  it('hides an unexpected error behind an id that the log line carries', () => {
    const lines: any[] = []
    const mask = createErrorMasker(createLogger('error', (l) => lines.push(JSON.parse(l))))
    const located = new GraphQLError('boom', { path: ['customers', 0, 'name'], originalError: new TypeError("Cannot read properties of undefined (reading 'secret')") })
    const masked = mask(located, 'Unexpected error.') as GraphQLError
    expect(masked.message).toBe('Unexpected error.')
    expect(masked.path).toEqual(['customers', 0, 'name'])
    expect(masked.extensions.code).toBe('INTERNAL_SERVER_ERROR')
    expect(JSON.stringify(masked.toJSON())).not.toContain('secret')
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'unexpected error', errorId: masked.extensions.errorId, path: 'customers.0.name' })
    expect(lines[0].error.message).toContain('secret')
  })

  it('keeps the message and code of errors raised on purpose, dropping their cause', () => {
    const mask = createErrorMasker(createLogger('silent'))
    const coded = new GraphQLError('RushDB is unavailable; retry later', { extensions: { code: 'BACKEND_UNAVAILABLE' }, originalError: new Error('password=hunter2') })
    const wrapped = new GraphQLError(coded.message, { path: ['customers'], originalError: coded })
    const masked = mask(wrapped, 'Unexpected error.') as GraphQLError
    expect(masked.toJSON()).toEqual({ message: 'RushDB is unavailable; retry later', path: ['customers'], extensions: { code: 'BACKEND_UNAVAILABLE' } })
  })
})
