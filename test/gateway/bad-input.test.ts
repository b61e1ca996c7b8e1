import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph } from './fixture-graph.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let t: TestGateway

beforeAll(async () => {
  t = createTestGateway()
  await loadFixtureGraph(t.backend.sdk)
})

describe('bad input gets a clear error with a stable code, never a 500', () => {
  it('rejects a limit of a million', async () => {
    const { status, body } = await t.query(`{ customers(limit: 1000000) { customerId } }`)
    expect(status).toBe(200)
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(body.errors[0].message).toBe('limit must be between 1 and 100, got 1000000')
    expect(body.extensions.rushdb.calls).toBe(0)
  })

  it('rejects a filter on a property the type does not have', async () => {
    const { status, body } = await t.query(`{ customers(where: { shoeSize: { eq: 42 } }) { customerId } }`)
    expect(status).toBe(400)
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    expect(body.errors[0].message).toContain('shoeSize')
  })

  it('rejects unknown fields and wrong argument types', async () => {
    const unknown = await t.query(`{ customers { customerId favouriteColour } }`)
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED')
    const wrong = await t.query(`query($l: Int) { customers(limit: $l) { customerId } }`, { l: 'ten' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].message).toContain('Int cannot represent')
  })

  it('rejects a forged cursor and an orderBy element naming two fields', async () => {
    const cursor = await t.query(`{ customersConnection(after: "bm90LWEtY3Vyc29y") { totalCount } }`)
    expect(cursor.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(cursor.body.errors[0].message).toContain('not a cursor')
    const order = await t.query(`{ customers(orderBy: [{ plan: ASC, name: DESC }]) { customerId } }`)
    expect(order.body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(order.body.errors[0].message).toContain('exactly one field')
  })

  it('needs exactly one key on a single-record field', async () => {
    const { body } = await t.query(`{ customer { customerId } }`)
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(body.errors[0].message).toBe('customer needs exactly one of id or customerId')
  })

  it('treats quotes and SQL comment markers as plain values', async () => {
    const { body } = await t.query(`{ customers(where: { name: { eq: "x' OR 1=1 --" } }) { customerId } }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.customers).toEqual([])
  })
})
