import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph } from '../gateway/fixture-graph.js'
import { createTestGateway, type TestGateway } from '../gateway/test-gateway.js'

let t: TestGateway

const FIELDS = 'id status origin source { label key } target { label key } relationshipType direction confidence rationale matchedRecords sourceRecords share samples { sourceId targetId value } appliedCount decidedAt'

const edgeCount = () => (t.backend.engine!.db.prepare('SELECT COUNT(*) AS n FROM rels').get() as { n: number }).n

beforeAll(async () => {
  t = createTestGateway()
  await loadFixtureGraph(t.backend.sdk)
  // An analytics export written straight to RushDB: events carrying a customerId or an e-mail, linked to nothing.
  await t.backend.sdk.records.createMany({
    label: 'EVENT',
    data: [
      { eventId: 'x-1', type: 'login', customerId: 'cust-1' },
      { eventId: 'x-2', type: 'page_view', customerId: 'cust-1' },
      { eventId: 'x-3', type: 'login', customerId: 'cust-3' },
      { eventId: 'x-4', type: 'login', customerId: 'cust-unknown' },
      { eventId: 'x-5', type: 'signup', email: 'ann@acme.test' },
      { eventId: 'x-6', type: 'signup', email: 'bo@acme.test' }
    ],
    options: { suggestTypes: true }
  } as never)
})

async function suggestionFor(key: string) {
  const { body } = await t.query(`{ relationshipSuggestions(label: "EVENT") { ${FIELDS} } }`)
  return body.data.relationshipSuggestions.find((s: any) => s.source.key === key)
}

describe('suggested relationships', () => {
  it('proposes the key joins of a label with shares, samples and confidence, changing nothing in the graph', async () => {
    const before = edgeCount()
    const { body } = await t.query(`mutation { analyzeRelationships(label: "EVENT") { ${FIELDS} } }`)
    expect(body.errors).toBeUndefined()
    const proposals = body.data.analyzeRelationships
    expect(proposals.map((p: any) => `${p.source.label}.${p.source.key} -> ${p.target.label}.${p.target.key}`)).toEqual([
      'EVENT.customerId -> CUSTOMER.customerId',
      'EVENT.email -> CUSTOMER.email'
    ])
    const [byId, byEmail] = proposals
    expect(byId).toMatchObject({ status: 'SUGGESTED', origin: 'key-match', matchedRecords: 3, sourceRecords: 6, share: 0.5, confidence: 0.5, relationshipType: '__RUSHDB__RELATION__DEFAULT__', direction: 'in', appliedCount: null, decidedAt: null })
    expect(byId.rationale).toContain('3 of 6 EVENT records (50.0%) have a customerId equal to the customerId of a CUSTOMER record; same property name')
    expect(byId.samples.map((s: any) => s.value)).toEqual(['cust-1', 'cust-1', 'cust-3'])
    expect(byEmail).toMatchObject({ matchedRecords: 2, share: 0.3333, confidence: 0.333 })
    expect(edgeCount()).toBe(before)
    const events = await t.query('{ events(where: { eventId: { startsWith: "x-" } }) { eventId customer { customerId } } }')
    expect(events.body.data.events.every((e: any) => e.customer === null)).toBe(true)
  })

  it('approval creates the relationships in batches, reports the count, and is idempotent', async () => {
    const draft = await suggestionFor('customerId')
    const before = edgeCount()
    const { body } = await t.query(`mutation { approveRelationshipSuggestion(id: "${draft.id}") { created suggestion { status appliedCount decidedAt } } }`)
    expect(body.errors).toBeUndefined()
    expect(body.data.approveRelationshipSuggestion.created).toBe(3)
    expect(body.data.approveRelationshipSuggestion.suggestion).toMatchObject({ status: 'APPROVED', appliedCount: 3 })
    expect(edgeCount()).toBe(before + 3)
    const events = await t.query('{ events(where: { eventId: { in: ["x-1", "x-3", "x-4"] } }, orderBy: [{ eventId: ASC }]) { eventId customer { customerId } } }')
    expect(events.body.data.events).toEqual([
      { eventId: 'x-1', customer: { customerId: 'cust-1' } },
      { eventId: 'x-3', customer: { customerId: 'cust-3' } },
      { eventId: 'x-4', customer: null }
    ])
    const again = await t.query(`mutation { approveRelationshipSuggestion(id: "${draft.id}") { created } }`)
    expect(again.body.data.approveRelationshipSuggestion.created).toBe(0)
    expect(edgeCount()).toBe(before + 3)
    // Records that arrive later are linked by approving again.
    await t.backend.sdk.records.create({ label: 'EVENT', data: { eventId: 'x-7', type: 'login', customerId: 'cust-2' } })
    const later = await t.query(`mutation { approveRelationshipSuggestion(id: "${draft.id}") { created } }`)
    expect(later.body.data.approveRelationshipSuggestion.created).toBe(1)
  })

  it('rejection keeps the decision, through re-analysis, and touches nothing', async () => {
    const draft = await suggestionFor('email')
    const before = edgeCount()
    const { body } = await t.query(`mutation { rejectRelationshipSuggestion(id: "${draft.id}") { status decidedAt } }`)
    expect(body.data.rejectRelationshipSuggestion.status).toBe('REJECTED')
    expect(body.data.rejectRelationshipSuggestion.decidedAt).toBeTruthy()
    await t.query('mutation { analyzeRelationships(label: "EVENT") { id } }')
    const kept = await suggestionFor('email')
    expect(kept).toMatchObject({ id: draft.id, status: 'REJECTED' })
    const approved = await suggestionFor('customerId')
    expect(approved).toMatchObject({ status: 'APPROVED', matchedRecords: 4, sourceRecords: 7 })
    expect(edgeCount()).toBe(before)
    const rejected = await t.query('{ relationshipSuggestions(status: REJECTED) { id } }')
    expect(rejected.body.data.relationshipSuggestions).toEqual([{ id: draft.id }])
  })

  it('approves with another relationship type when asked', async () => {
    const draft = await suggestionFor('email')
    const { body } = await t.query(`mutation { approveRelationshipSuggestion(id: "${draft.id}", relationshipType: "SAME_PERSON") { created suggestion { status relationshipType } } }`)
    expect(body.data.approveRelationshipSuggestion).toEqual({ created: 2, suggestion: { status: 'APPROVED', relationshipType: 'SAME_PERSON' } })
    const typed = t.backend.engine!.db.prepare("SELECT COUNT(*) AS n FROM rels WHERE type = 'SAME_PERSON'").get() as { n: number }
    expect(typed.n).toBe(2)
  })

  it('answers bad input and impossible decisions with stable codes', async () => {
    const approved = await suggestionFor('customerId')
    const cases: Array<[string, string]> = [
      ['mutation { approveRelationshipSuggestion(id: "nope") { created } }', 'BAD_USER_INPUT'],
      ['mutation { approveRelationshipSuggestion(id: "01900000-0000-7000-8000-000000000000") { created } }', 'NOT_FOUND'],
      [`mutation { approveRelationshipSuggestion(id: "${approved.id}", relationshipType: "not a type") { created } }`, 'BAD_USER_INPUT'],
      ['mutation { analyzeRelationships(label: "__x") { id } }', 'BAD_USER_INPUT'],
      [`mutation { rejectRelationshipSuggestion(id: "${approved.id}") { id } }`, 'CONFLICT']
    ]
    for (const [query, code] of cases) {
      const { body } = await t.query(query)
      expect(body.errors?.[0].extensions.code, query).toBe(code)
    }
  })

  it('links a label larger than one batch completely', async () => {
    const keys = ['cust-1', 'cust-2', 'cust-3', 'cust-4']
    await t.backend.sdk.records.createMany({ label: 'PAGE_HIT', data: Array.from({ length: 1234 }, (_, i) => ({ hit: i, customerId: keys[i % 4] })), options: { suggestTypes: true } } as never)
    const analyzed = await t.query('mutation { analyzeRelationships(label: "PAGE_HIT") { id target { label key } matchedRecords share } }')
    const join = analyzed.body.data.analyzeRelationships.find((p: any) => p.target.key === 'customerId')
    expect(join).toMatchObject({ target: { label: 'CUSTOMER', key: 'customerId' }, matchedRecords: 1234, share: 1 })
    const before = edgeCount()
    const { body } = await t.query(`mutation { approveRelationshipSuggestion(id: "${join.id}") { created } }`)
    expect(body.data.approveRelationshipSuggestion.created).toBe(1234)
    expect(edgeCount()).toBe(before + 1234)
    const again = await t.query(`mutation { approveRelationshipSuggestion(id: "${join.id}") { created } }`)
    expect(again.body.data.approveRelationshipSuggestion.created).toBe(0)
  })
})
