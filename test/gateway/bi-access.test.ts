import { beforeAll, describe, expect, it } from 'vitest'
import type { DemoBatch } from '../../src/demo/demo-types.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'
import { loadDemoGraph } from '../../src/demo/load-demo-graph.js'
import { EXPORT_PAGE } from '../../src/export/read-export-pages.js'
import { hashApiKey } from '../../src/security/api-keys.js'
import { searchRecorder } from './plain-rushdb.js'
import { gatewaysOnOneEngine, type TestGateway } from './test-gateway.js'

// Large enough for more than two export pages of events.
const GRAPH = { customers: 700, seed: 5 }

let t: TestGateway
let remote: TestGateway
let keyed: TestGateway
let recorder: ReturnType<typeof searchRecorder>
let raw: DemoBatch[]

beforeAll(async () => {
  recorder = searchRecorder()
  const keys = { API_KEYS: [`bi:read:${hashApiKey('cgk_bi')}`, `ops:admin:${hashApiKey('cgk_ops')}`].join(';') }
  ;[t, remote, keyed] = await gatewaysOnOneEngine((sdk) => loadDemoGraph(sdk, GRAPH), recorder.wrap, [{}, { BACKEND_PROFILE: 'remote' }, keys])
  raw = [...generateCustomerGraph(GRAPH).customerBatches(GRAPH.customers)]
}, 60_000)

async function get(gateway: TestGateway, path: string, headers: Record<string, string> = {}) {
  recorder.bodies.length = 0
  const res = await gateway.gateway.fetch(`http://gateway.test${path}`, { headers })
  const text = await res.text()
  const searches = recorder.bodies.filter((b) => b.path.includes('/records/search'))
  return { status: res.status, headers: res.headers, text, calls: () => searches }
}

function parseCsv(text: string): Array<Record<string, string>> {
  // Enough of RFC 4180 for the test: quoted cells with doubled quotes, CRLF line ends.
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') row.push(cell), (cell = '')
    else if (c === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += c
  }
  const [header, ...body] = rows
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])))
}

describe('GraphQL over GET for BI tools', () => {
  it('answers a query sent as GET, with ISO-8601 datetimes and the RushDB call count', async () => {
    const query = encodeURIComponent('{ invoices(limit: 3, offset: 2) { invoiceId issuedAt amount } }')
    const res = await get(t, `/graphql?query=${query}`, { accept: 'application/graphql-response+json' })
    expect(res.status).toBe(200)
    const body = JSON.parse(res.text)
    expect(body.data.invoices).toHaveLength(3)
    for (const inv of body.data.invoices) expect(inv.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
    expect(body.extensions.rushdb.calls).toBe(1)
  })

  it('refuses a mutation sent as GET before touching storage', async () => {
    const mutation = encodeURIComponent('mutation { deleteRecord(id: "0190b9c0-5f3e-7c2a-9d1e-4b6a8f0c1d23") }')
    const res = await get(t, `/graphql?query=${mutation}`, { accept: 'application/graphql-response+json' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toMatch(/POST/)
    expect(res.calls()).toHaveLength(0)
  })

  it('lists have a stable default order (creation order) that offset pages follow', async () => {
    const all = JSON.parse((await get(t, `/graphql?query=${encodeURIComponent('{ invoices(limit: 100) { id } }')}`)).text).data.invoices.map((r: any) => r.id)
    expect(all).toEqual([...all].sort())
    const pages: string[] = []
    for (let offset = 0; offset < 100; offset += 25) {
      const q = encodeURIComponent(`{ invoices(limit: 25, offset: ${offset}) { id } }`)
      pages.push(...JSON.parse((await get(t, `/graphql?query=${q}`)).text).data.invoices.map((r: any) => r.id))
    }
    expect(pages).toEqual(all)
  })
})

describe('/export/<type>', () => {
  const overdue = () => raw.flatMap((b) => b.invoices).filter((i) => i.status === 'overdue')
  const events = () => raw.flatMap((b) => b.customers.flatMap((c) => c.EVENT))

  it('streams CSV of the records matching a where, same columns as the GraphQL type', async () => {
    const where = encodeURIComponent(JSON.stringify({ status: { eq: 'overdue' } }))
    const res = await get(t, `/export/invoices?where=${where}&orderBy=${encodeURIComponent('[{"amount":"DESC"}]')}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(res.text.split('\r\n')[0]).toBe('id,invoiceId,month,amount,status,issuedAt,dueAt,paidAt,updatedAt')
    const rows = parseCsv(res.text)
    const expected = overdue()
    expect(expected.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.invoiceId).sort()).toEqual(expected.map((i) => i.invoiceId).sort())
    const amounts = rows.map((r) => Number(r.amount))
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a))
    for (const r of rows) {
      const e = expected.find((i) => i.invoiceId === r.invoiceId)!
      expect(new Date(r.issuedAt).getTime()).toBe(new Date(e.issuedAt).getTime())
      expect(r.issuedAt).toMatch(/Z$/)
      expect(r.paidAt).toBe('')
    }
  })

  it('streams NDJSON (Accept or format) for any type, one RushDB page at a time', async () => {
    const expected = events()
    expect(expected.length).toBeGreaterThan(2 * EXPORT_PAGE)
    for (const [path, headers] of [['/export/events', { accept: 'application/x-ndjson' }], ['/export/Event?format=ndjson', {}]] as const) {
      const res = await get(t, path, headers)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/)
      const lines = res.text.trimEnd().split('\n').map((l) => JSON.parse(l))
      expect(lines.map((l) => l.eventId).sort()).toEqual(expected.map((e) => e.eventId).sort())
      expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length)
      const calls = res.calls()
      expect(calls).toHaveLength(Math.ceil(expected.length / EXPORT_PAGE))
      for (const c of calls) expect(c.body.limit).toBeLessThanOrEqual(EXPORT_PAGE)
    }
  })

  it('reads the next page only as the client reads: memory holds a page, not the export', async () => {
    recorder.bodies.length = 0
    const res = await t.gateway.fetch('http://gateway.test/export/events?format=ndjson')
    const reader = res.body!.getReader()
    await reader.read()
    const afterFirst = recorder.bodies.length
    expect(afterFirst).toBeLessThanOrEqual(2)
    await reader.cancel()
    expect(Math.ceil(events().length / EXPORT_PAGE)).toBeGreaterThan(afterFirst)
  })

  it('on the remote profile pages by offset in the same order, with the same rows', async () => {
    const embedded = await get(t, '/export/events?format=ndjson&limit=2100')
    const plain = await get(remote, '/export/events?format=ndjson&limit=2100')
    expect(plain.text).toBe(embedded.text)
    expect(plain.text.trimEnd().split('\n')).toHaveLength(2100)
    expect(plain.calls().map((c) => c.body.skip ?? 0)).toEqual([0, 1000, 2000])
    expect(embedded.calls().every((c) => !c.body.skip)).toBe(true)
  })

  it('applies API-key scopes as /graphql does', async () => {
    expect((await get(keyed, '/export/invoices')).status).toBe(401)
    const noRead = await get(keyed, '/export/invoices', { authorization: 'Bearer cgk_ops' })
    expect(noRead.status).toBe(403)
    expect(JSON.parse(noRead.text).errors[0].extensions.code).toBe('FORBIDDEN')
    expect(noRead.calls()).toHaveLength(0)
    expect((await get(keyed, '/export/invoices?limit=5', { authorization: 'Bearer cgk_bi' })).status).toBe(200)
  })

  const bad: Array<[string, string, number, string, RegExp]> = [
    ['an unknown type', '/export/widgets', 404, 'NOT_FOUND', /no record type "widgets".*customers/],
    ['a where that is not JSON', '/export/invoices?where={status', 400, 'BAD_USER_INPUT', /where must be JSON/],
    ['an unknown filter field', `/export/invoices?where=${encodeURIComponent('{"colour":{"eq":"red"}}')}`, 400, 'BAD_USER_INPUT', /colour/],
    ['a wrongly typed filter value', `/export/invoices?where=${encodeURIComponent('{"amount":{"gt":"lots"}}')}`, 400, 'BAD_USER_INPUT', /where\.amount\.gt/],
    ['an unknown order field', `/export/invoices?orderBy=${encodeURIComponent('[{"colour":"ASC"}]')}`, 400, 'BAD_USER_INPUT', /colour/],
    ['an unknown format', '/export/invoices?format=xlsx', 400, 'BAD_USER_INPUT', /csv or ndjson/],
    ['a bad limit', '/export/invoices?limit=-3', 400, 'BAD_USER_INPUT', /positive integer/],
    ['an unknown parameter', '/export/invoices?filter=x', 400, 'BAD_USER_INPUT', /unknown parameter filter/]
  ]
  for (const [name, path, status, code, message] of bad) {
    it(`answers ${name} with ${status} and a clear body`, async () => {
      const res = await get(t, path)
      expect(res.status).toBe(status)
      const body = JSON.parse(res.text)
      expect(body.errors[0].extensions.code).toBe(code)
      expect(body.errors[0].message).toMatch(message)
      expect(res.calls()).toHaveLength(0)
    })
  }

  it('answers a filter the backend cannot run with 400 before streaming', async () => {
    const res = await get(remote, `/export/customers?where=${encodeURIComponent('{"name":{"gt":"M"}}')}`)
    expect(res.status).toBe(400)
    expect(JSON.parse(res.text).errors[0].message).toMatch(/RushDB compares only numbers and datetimes/)
  })

  it('refuses other methods', async () => {
    const res = await t.gateway.fetch('http://gateway.test/export/invoices', { method: 'POST', body: '{}' })
    expect(res.status).toBe(405)
  })
})
