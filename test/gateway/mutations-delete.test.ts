import { beforeEach, describe, expect, it } from 'vitest'
import { loadFixtureGraph, type FixtureIds } from './fixture-graph.js'
import { snapshotGraph } from './graph-snapshot.js'
import { createTestGateway, type TestGateway } from './test-gateway.js'

let t: TestGateway
let ids: FixtureIds

beforeEach(async () => {
  t = createTestGateway()
  ids = await loadFixtureGraph(t.backend.sdk)
})

describe('deletes with a guard', () => {
  it('never deletes everything by accident: an empty filter is refused', async () => {
    const before = await snapshotGraph(t.backend.sdk)
    for (const where of ['{}', '{ AND: [] }', '{ OR: [{}] }']) {
      const { body } = await t.query(`mutation { deleteCustomers(where: ${where}, maxCount: 1000) { matched deleted } }`)
      expect(body.errors[0]).toMatchObject({ message: 'where: an empty filter would delete every Customer; give the filter that names the records to delete', extensions: { code: 'BAD_USER_INPUT' } })
    }
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)
  })

  it('refuses a match larger than maxCount, counts on a dry run, then deletes with relationships only', async () => {
    const before = await snapshotGraph(t.backend.sdk)
    const open = '{ status: { eq: "open" } }'
    const tooMany = await t.query(`mutation { deleteTickets(where: ${open}, maxCount: 2) { matched deleted } }`)
    expect(tooMany.body.errors[0].message).toBe('maxCount: 3 Ticket records match, more than maxCount (2); pass maxCount: 3 to delete them all')
    const dry = await t.query(`mutation { deleteTickets(where: ${open}, dryRun: true) { matched deleted } }`)
    expect(dry.body.data.deleteTickets).toEqual({ matched: 3, deleted: 0 })
    expect(await snapshotGraph(t.backend.sdk)).toEqual(before)

    const { body } = await t.query(`mutation { deleteTickets(where: { ticketId: { eq: "t-1" } }) { matched deleted } }`)
    expect(body.data.deleteTickets).toEqual({ matched: 1, deleted: 1 })
    const after = await snapshotGraph(t.backend.sdk)
    expect(after.records.length).toBe(before.records.length - 1)
    expect(after.relationships.length).toBe(before.relationships.length - 1)
    expect((await t.query(`{ customer(customerId: "cust-1") { customerId tickets { ticketId } } }`)).body.data.customer).toEqual({ customerId: 'cust-1', tickets: [] })
  })

  it('deletes one record by id and says when there is none', async () => {
    const { body } = await t.query(`mutation($id: ID!) { deleteRecord(id: $id) { id label properties } }`, { id: ids['inv-3'] })
    expect(body.data.deleteRecord).toMatchObject({ id: ids['inv-3'], label: 'INVOICE', properties: { invoiceId: 'inv-3' } })
    const again = await t.query(`mutation($id: ID!) { deleteRecord(id: $id) { id } }`, { id: ids['inv-3'] })
    expect(again.body.errors[0]).toMatchObject({ message: `id: no record has id ${ids['inv-3']}`, extensions: { code: 'NOT_FOUND' } })
    const bad = await t.query(`mutation { deleteRecord(id: "42") { id } }`)
    expect(bad.body.errors[0]).toMatchObject({ message: 'id: must be a record id (a UUID), got "42"', extensions: { code: 'BAD_USER_INPUT' } })
  })
})
