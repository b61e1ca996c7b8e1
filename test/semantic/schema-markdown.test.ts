import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph } from '../gateway/fixture-graph.js'
import { createProductionGateway, keyedEnv, KEYS } from '../gateway/production-gateway.js'
import { createTestGateway, type TestGateway } from '../gateway/test-gateway.js'

let t: TestGateway

beforeAll(async () => {
  t = createTestGateway()
  await loadFixtureGraph(t.backend.sdk)
})

describe('schemaMarkdown', () => {
  it('describes labels, properties and relationship patterns of the live graph in one RushDB call', async () => {
    const { body } = await t.query('{ schemaMarkdown }')
    expect(body.errors).toBeUndefined()
    expect(body.extensions.rushdb.calls).toBe(1)
    const md: string = body.data.schemaMarkdown
    expect(md.startsWith('# Graph Schema\n\n## Labels\n\n| Label | Count |')).toBe(true)
    expect(md).toContain('| `CUSTOMER` | 4 |')
    expect(md).toContain('| `SUPPORT_TICKET` | 3 |')
    expect(md).toContain('## `CUSTOMER` (4 records)')
    // Numbers and datetimes show their range, strings their samples.
    expect(md).toContain('| `mrr` | number | `300`..`1200` | — |')
    expect(md).toContain('| `plan` | string | `pro`, `starter` | — |')
    expect(md).toContain('| `createdAt` | datetime | `2025-01-10T09:00:00Z`..`2025-04-10T09:00:00Z` | — |')
    // Both directions of a typed edge, with counts.
    expect(md).toContain('| `(ACCOUNT)-[:HAS_SUBSCRIPTION]->(SUBSCRIPTION)` | 3 | — |')
    expect(md).toContain('| `(SUBSCRIPTION)<-[:HAS_SUBSCRIPTION]-(ACCOUNT)` | 3 | — |')
    expect(md).toContain('| `(CUSTOMER)-[:__RUSHDB__RELATION__DEFAULT__]->(SUPPORT_TICKET)` | 2 | — |')
    // A pipe inside a value cannot break the table.
    expect(md).toContain(`Di "Quote" O'Neil -- test`)
  })

  it('follows writes, and limits itself to the labels asked for', async () => {
    await t.query('mutation { importRecords(label: "NPS_ANSWER", records: [{ score: 9, comment: "great | fast" }]) { summary { created } } }')
    const { body } = await t.query('{ schemaMarkdown(labels: ["NPS_ANSWER"]) }')
    const md: string = body.data.schemaMarkdown
    expect(md).toContain('| `NPS_ANSWER` | 1 |')
    expect(md).not.toContain('CUSTOMER')
    expect(md).toContain('| `comment` | string | `great \\| fast` | — |')
    expect(md).toContain('| `score` | number | `9`..`9` | — |')
  })

  it('refuses a bad label with BAD_USER_INPUT before calling RushDB', async () => {
    const { body } = await t.query('{ schemaMarkdown(labels: ["ok", "__secret"]) }')
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT')
    expect(body.errors[0].message).toMatch(/^labels\[1\]: /)
    expect(body.extensions.rushdb.calls).toBe(0)
  })

  it('is served as text/markdown at GET /schema.md', async () => {
    const res = await t.gateway.fetch('http://gateway.test/schema.md?labels=ACCOUNT,INVOICE')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/)
    const text = await res.text()
    expect(text).toContain('## `ACCOUNT` (2 records)')
    expect(text).toContain('## `INVOICE` (3 records)')
    expect(text).not.toContain('## `CUSTOMER`')
    const post = await t.gateway.fetch('http://gateway.test/schema.md', { method: 'POST' })
    expect(post.status).toBe(405)
  })

  it('GET /schema.md applies API keys like /graphql', async () => {
    const p = await createProductionGateway(keyedEnv)
    const anonymous = await p.gateway.fetch('http://gateway.test/schema.md')
    expect(anonymous.status).toBe(401)
    expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED')
    const reader = await p.gateway.fetch('http://gateway.test/schema.md', { headers: { authorization: `Bearer ${KEYS.reader}` } })
    expect(reader.status).toBe(200)
    expect(await reader.text()).toContain('# Graph Schema')
  })
})
