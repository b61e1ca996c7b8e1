import type { RushDB } from '@rushdb/javascript-sdk'

/** Ids of the fixture records, by natural key. */
export type FixtureIds = Record<string, string>

/**
 * A small customer graph written both ways RushDB graphs get written: customers with nested
 * subscriptions/orders/tickets (default relationship), and the tutorial's typed edges
 * (BELONGS_TO, HAS_SUBSCRIPTION, HAS_INVOICE, CREATED).
 */
export async function loadFixtureGraph(db: RushDB): Promise<FixtureIds> {
  const customers = await db.records.createMany({
    label: 'CUSTOMER',
    data: [
      {
        customerId: 'cust-1', name: 'Ann Lee', email: 'ann@acme.test', plan: 'pro', createdAt: '2025-01-10T09:00:00Z',
        SUBSCRIPTION: [{ subscriptionId: 'sub-1', plan: 'pro', status: 'active', startedAt: '2025-01-10T09:00:00Z', mrr: 99 }],
        ORDER: [{ orderId: 'ord-1', product: 'Widget', totalUsd: 240, orderedAt: '2025-02-01T10:00:00Z' }],
        SUPPORT_TICKET: [{ ticketId: 't-1', subject: 'Export is slow', status: 'open', sentiment: 'negative', createdAt: '2025-03-01T10:00:00Z' }]
      },
      {
        customerId: 'cust-2', name: 'Bo Chen', email: 'bo@acme.test', plan: 'pro', createdAt: '2025-02-10T09:00:00Z',
        SUBSCRIPTION: [{ subscriptionId: 'sub-2', plan: 'pro', status: 'cancelled', startedAt: '2024-11-01T00:00:00Z', mrr: 99 }],
        SUPPORT_TICKET: [{ ticketId: 't-2', subject: 'Login fails', status: 'open', sentiment: 'negative', createdAt: '2025-03-02T10:00:00Z' }]
      },
      {
        customerId: 'cust-3', name: 'Cy Diaz', email: 'cy@globex.test', plan: 'starter', createdAt: '2025-03-10T09:00:00Z',
        SUBSCRIPTION: [{ subscriptionId: 'sub-3', plan: 'starter', status: 'active', startedAt: '2025-03-10T09:00:00Z', mrr: 19 }],
        ORDER: [
          { orderId: 'ord-2', product: 'Widget', totalUsd: 120, orderedAt: '2025-03-11T10:00:00Z' },
          { orderId: 'ord-3', product: 'Gadget', totalUsd: 60, orderedAt: '2025-03-12T10:00:00Z' }
        ]
      },
      { customerId: 'cust-4', name: 'Di "Quote" O\'Neil -- test', email: 'di@globex.test', plan: 'pro', createdAt: '2025-04-10T09:00:00Z' }
    ],
    options: { suggestTypes: true, returnResult: true }
  } as never)
  const ids: FixtureIds = {}
  for (const r of customers.data) {
    const d = r.data as Record<string, string>
    const key = d.customerId ?? d.subscriptionId ?? d.orderId ?? d.ticketId
    if (key) ids[key] = d.__id
  }
  const accounts = await db.records.createMany({
    label: 'ACCOUNT',
    data: [
      { accountId: 'acc-1', name: 'Acme Corp', plan: 'enterprise', region: 'EU', mrr: 1200 },
      { accountId: 'acc-2', name: 'Globex', plan: 'starter', region: 'NA', mrr: 300 }
    ],
    options: { suggestTypes: true, returnResult: true }
  } as never)
  for (const r of accounts.data) ids[(r.data as Record<string, string>).accountId] = (r.data as Record<string, string>).__id
  const invoices = await db.records.createMany({
    label: 'INVOICE',
    data: [
      { invoiceId: 'inv-1', month: '2025-01', amount: 99, status: 'paid' },
      { invoiceId: 'inv-2', month: '2025-02', amount: 99, status: 'overdue' },
      { invoiceId: 'inv-3', month: '2025-03', amount: 19, status: 'paid' }
    ],
    options: { suggestTypes: true, returnResult: true }
  } as never)
  for (const r of invoices.data) ids[(r.data as Record<string, string>).invoiceId] = (r.data as Record<string, string>).__id
  const late = await db.records.create({ label: 'SUPPORT_TICKET', data: { ticketId: 't-3', subject: 'Invoice question', status: 'open', sentiment: 'neutral', createdAt: '2025-04-01T10:00:00Z' } })
  ids['t-3'] = late.data!.__id as string

  await db.records.attach({ source: ids['acc-1'], target: [ids['cust-1'], ids['cust-2']], options: { type: 'BELONGS_TO', direction: 'in' } })
  await db.records.attach({ source: ids['acc-2'], target: [ids['cust-3'], ids['cust-4']], options: { type: 'BELONGS_TO', direction: 'in' } })
  await db.records.attach({ source: ids['acc-1'], target: [ids['sub-1'], ids['sub-2']], options: { type: 'HAS_SUBSCRIPTION', direction: 'out' } })
  await db.records.attach({ source: ids['acc-2'], target: [ids['sub-3']], options: { type: 'HAS_SUBSCRIPTION', direction: 'out' } })
  await db.records.attach({ source: ids['sub-1'], target: [ids['inv-1'], ids['inv-2']], options: { type: 'HAS_INVOICE', direction: 'out' } })
  await db.records.attach({ source: ids['sub-3'], target: [ids['inv-3']], options: { type: 'HAS_INVOICE', direction: 'out' } })
  await db.records.attach({ source: ids['cust-3'], target: [ids['t-3']], options: { type: 'CREATED', direction: 'out' } })
  return ids
}
