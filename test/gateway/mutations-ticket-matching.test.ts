import { describe, expect, it } from 'vitest'
import { createTestGateway } from './test-gateway.js'

// A helpdesk export without ticket ids still re-sends the same ticket with a new status: it must
// update the ticket it already stored for that customer (same subject, opened at the same instant),
// not add a second one.

const IMPORT = `mutation Import($customers: [CustomerInput!]!) {
  importCustomers(customers: $customers) {
    customers { tickets { subject status createdAt } }
    summary { created updated unchanged recordsCreated recordsUpdated relationshipsCreated }
  }
}`

const ticket = (status: string, createdAt = '2026-03-01T09:30:00Z') => ({ subject: 'Export fails', status, sentiment: 'negative', createdAt })

describe('tickets without a ticket id', () => {
  it('are matched within their customer by subject and opening time, so a status change updates in place', async () => {
    const t = createTestGateway()
    const first = await t.query(IMPORT, { customers: [{ customerId: 'c-1', tickets: [ticket('open')] }] })
    expect(first.body.errors).toBeUndefined()

    const changed = await t.query(IMPORT, { customers: [{ customerId: 'c-1', tickets: [ticket('closed')] }] })
    expect(changed.body.errors).toBeUndefined()
    expect(changed.body.data.importCustomers.summary).toMatchObject({ updated: 1, recordsCreated: 0, recordsUpdated: 1, relationshipsCreated: 0 })
    const stored = await t.backend.sdk.records.find({ labels: ['SUPPORT_TICKET'] })
    expect(stored.data.map((r) => r.data.status)).toEqual(['closed'])

    // Another opening time is another ticket, even with the same subject.
    const another = await t.query(IMPORT, { customers: [{ customerId: 'c-1', tickets: [ticket('open', '2026-04-01T10:00:00Z')] }] })
    expect(another.body.data.importCustomers.summary).toMatchObject({ recordsCreated: 1, relationshipsCreated: 1 })
    // The same ticket under another customer is that customer's own ticket.
    await t.query(IMPORT, { customers: [{ customerId: 'c-2', tickets: [ticket('closed')] }] })
    const all = await t.backend.sdk.records.find({ labels: ['SUPPORT_TICKET'], orderBy: { createdAt: 'asc' } })
    expect(all.data.map((r) => [r.data.status, r.data.createdAt])).toEqual([
      ['closed', '2026-03-01T09:30:00Z'], ['closed', '2026-03-01T09:30:00Z'], ['open', '2026-04-01T10:00:00Z']
    ])
  })
})
