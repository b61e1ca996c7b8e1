import { beforeAll, describe, expect, it } from 'vitest'
import { loadFixtureGraph } from './fixture-graph.js'
import { edgeShapes, snapshotGraph } from './graph-snapshot.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let t: TestGateway

beforeAll(async () => {
  t = createTestGateway()
  await loadFixtureGraph(t.backend.sdk)
})

const IMPORT = `mutation($label: String!, $records: [JSON!]!, $mergeBy: [String!], $linkTo: LinkToInput, $cap: Boolean) {
  importRecords(label: $label, records: $records, mergeBy: $mergeBy, linkTo: $linkTo, capitalizeLabels: $cap) {
    records { __typename ... on GenericRecord { id label properties } ... on Event { eventId properties customer { customerId } } }
    summary { created updated unchanged recordsCreated relationshipsCreated }
  }
}`

const nps = (score: number) => ({
  responseId: 'nps-1', customerId: 'cust-1', score, comment: 'Exports are slow', answeredAt: '2026-05-03T12:00:00Z',
  answers: [{ question: 'ease', value: 4 }, { question: 'speed', value: 2 }]
})

describe('a generic import for a source the typed schema does not know yet', () => {
  it('lands in the same graph, linked to its customer, readable through properties and the engine', async () => {
    const vars = { label: 'nps_response', records: [nps(6)], mergeBy: ['responseId'], linkTo: { label: 'CUSTOMER', key: 'customerId' }, cap: true }
    const { body } = await t.query(IMPORT, vars)
    expect(body.errors).toBeUndefined()
    expect(body.data.importRecords.records).toEqual([
      {
        __typename: 'GenericRecord', id: expect.any(String), label: 'NPS_RESPONSE',
        properties: { responseId: 'nps-1', customerId: 'cust-1', score: 6, comment: 'Exports are slow', answeredAt: '2026-05-03T12:00:00Z' }
      }
    ])
    expect(body.data.importRecords.summary).toEqual({ created: 1, updated: 0, unchanged: 0, recordsCreated: 3, relationshipsCreated: 3 })
    const shapes = await edgeShapes(t.backend.sdk)
    expect(shapes['CUSTOMER -[RUSHDB_DEFAULT_RELATION]-> NPS_RESPONSE']).toBe(1)
    expect(shapes['NPS_RESPONSE -[RUSHDB_DEFAULT_RELATION]-> ANSWERS']).toBe(2)
    // The engine answers questions across old and new labels at once.
    const detractors = await t.backend.sdk.records.find({ labels: ['CUSTOMER'], where: { NPS_RESPONSE: { score: { $lte: 6 } } } })
    expect(detractors.data.map((r) => r.data.customerId)).toEqual(['cust-1'])

    const before = await snapshotGraph(t.backend.sdk)
    const again = await t.query(IMPORT, vars)
    expect(again.body.data.importRecords.summary).toMatchObject({ unchanged: 1, recordsCreated: 0, relationshipsCreated: 0 })
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
    const changed = await t.query(IMPORT, { ...vars, records: [nps(9)] })
    expect(changed.body.data.importRecords.summary).toMatchObject({ updated: 1, recordsCreated: 0 })
    expect((await snapshotGraph(t.backend.sdk)).records.length).toBe(before.records.length)
  })

  it('checks a typed label as its own import does, and keeps new fields in `properties`', async () => {
    const { body } = await t.query(IMPORT, {
      label: 'EVENT',
      records: [{ eventId: 'ev-77', customerId: 'cust-2', type: 'webinar_joined', occurredAt: '2026-05-04T15:00:00Z', campaign: 'spring-launch' }]
    })
    expect(body.errors).toBeUndefined()
    expect(body.data.importRecords.records).toEqual([
      { __typename: 'Event', eventId: 'ev-77', properties: { eventId: 'ev-77', customerId: 'cust-2', type: 'webinar_joined', occurredAt: '2026-05-04T15:00:00Z', campaign: 'spring-launch' }, customer: { customerId: 'cust-2' } }
    ])
    const bad = await t.query(IMPORT, { label: 'EVENT', records: [{ eventId: 'ev-78', occurredAt: 'yesterday' }] })
    expect(bad.body.errors[0].message).toBe('records[0].occurredAt: must be an ISO 8601 date-time (e.g. 2026-06-01T12:00:00Z) or a date, got "yesterday"')
  })

  it('rejects a missing link target, a missing mergeBy key and mergeBy on a typed label, writing nothing', async () => {
    const before = await snapshotGraph(t.backend.sdk)
    const missing = await t.query(IMPORT, { label: 'NPS', records: [{ responseId: 'n-2', customerId: 'cust-404' }], linkTo: { label: 'CUSTOMER', key: 'customerId' } })
    expect(missing.body.errors[0]).toMatchObject({ message: 'records[0].customerId: no Customer has customerId "cust-404"', extensions: { code: 'NOT_FOUND' } })
    const key = await t.query(IMPORT, { label: 'NPS', records: [{ responseId: 'n-3' }, { score: 3 }], mergeBy: ['responseId'] })
    expect(key.body.errors[0].message).toBe('records[1]: mergeBy key "responseId" must be present with a string, number or boolean value, got nothing')
    const typed = await t.query(IMPORT, { label: 'CUSTOMER', records: [{ customerId: 'c-9' }], mergeBy: ['email'] })
    expect(typed.body.errors[0].message).toBe('mergeBy: CUSTOMER records are matched by their customerId; mergeBy is for labels without a typed schema')
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  })
})
