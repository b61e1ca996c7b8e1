import { RushDB } from '@rushdb/javascript-sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHURN_RISK_WHERE } from '../../src/demo/churn-risk-query.js'
import type { DemoBatch } from '../../src/demo/demo-types.js'
import { ensureDemoData } from '../../src/demo/ensure-demo-data.js'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'

const CUSTOMERS = 200
const NESTED = ['SUBSCRIPTION', 'ORDER', 'SUPPORT_TICKET', 'EVENT', 'FEATURE_USAGE'] as const

/** What the generator says should be in the store, counted from its raw output. */
function expectedGraph() {
  const batches: DemoBatch[] = [...generateCustomerGraph({ customers: CUSTOMERS }).customerBatches(CUSTOMERS)]
  const labels: Record<string, number> = {}
  const add = (label: string, n: number) => { if (n > 0) labels[label] = (labels[label] ?? 0) + n }
  const relationships: Record<string, number> = {}
  for (const b of batches) {
    add('ACCOUNT', b.accounts.length)
    add('TOUCHPOINT', b.touchpoints.length)
    add('CUSTOMER', b.customers.length)
    add('SUPPORT_TICKET', b.helpdeskTickets.length)
    add('INVOICE', b.invoices.length)
    for (const c of b.customers) {
      for (const key of NESTED) {
        add(key, c[key].length)
        relationships.RUSHDB_DEFAULT_RELATION = (relationships.RUSHDB_DEFAULT_RELATION ?? 0) + c[key].length
      }
    }
    for (const l of b.links) relationships[l.type] = (relationships[l.type] ?? 0) + 1
  }
  const invoicesBySub = new Map<string, string[]>()
  for (const l of batches.flatMap((b) => b.links).filter((x) => x.type === 'HAS_INVOICE')) {
    invoicesBySub.set(l.from, [...(invoicesBySub.get(l.from) ?? []), l.to])
  }
  const overdue = new Set(batches.flatMap((b) => b.invoices).filter((i) => i.status === 'overdue').map((i) => i.invoiceId))
  const overdueAccounts = new Set(batches.flatMap((b) => b.links)
    .filter((l) => l.type === 'HAS_SUBSCRIPTION' && (invoicesBySub.get(l.to) ?? []).some((i) => overdue.has(i)))
    .map((l) => l.from))
  return {
    labels,
    relationships,
    planted: batches.flatMap((b) => b.plantedChurnCustomerIds).sort(),
    overdueAccounts: [...overdueAccounts].sort()
  }
}

describe('loadDemoGraph through the SDK (in-process engine)', () => {
  let engine: Engine
  let db: RushDB
  const expected = expectedGraph()
  let firstLoad: Awaited<ReturnType<typeof ensureDemoData>>

  beforeAll(async () => {
    engine = createEngine({ path: ':memory:' })
    db = new RushDB('any-token', { httpClient: createInProcessClient(engine), url: 'http://embedded.local' })
    await db.waitForInitialization()
    firstLoad = await ensureDemoData(db, { customers: CUSTOMERS, batchSize: 64 })
  })

  afterAll(() => engine?.close())

  it('writes every generated record, counted per label', async () => {
    const labels = await db.labels.find({})
    expect(labels.data).toEqual(expected.labels)
    expect(firstLoad).not.toBeNull()
    expect(firstLoad!.records).toBe(Object.values(expected.labels).reduce((a, b) => a + b, 0))
  })

  it('writes nested and typed relationships, counted per type, in the right direction', async () => {
    const byType: Record<string, number> = {}
    const directions = new Set<string>()
    let total = 0
    for (let skip = 0; ; skip += 1000) {
      const page = await db.relationships.find({ limit: 1000, skip })
      total = page.total ?? 0
      for (const r of page.data) {
        byType[r.type] = (byType[r.type] ?? 0) + 1
        directions.add(`${r.sourceLabel}-${r.type}->${r.targetLabel}`)
      }
      if (page.data.length < 1000) break
    }
    expect(byType).toEqual(expected.relationships)
    expect(total).toBe(firstLoad!.relationships)
    expect([...directions].filter((d) => !d.includes('RUSHDB_DEFAULT_RELATION')).sort()).toEqual([
      'ACCOUNT-HAS_SUBSCRIPTION->SUBSCRIPTION',
      'ACCOUNT-HAS_TOUCHPOINT->TOUCHPOINT',
      'CUSTOMER-BELONGS_TO->ACCOUNT',
      'CUSTOMER-CREATED->SUPPORT_TICKET',
      'SUBSCRIPTION-HAS_INVOICE->INVOICE'
    ])
    expect([...directions].filter((d) => d.includes('RUSHDB_DEFAULT_RELATION')).every((d) => d.startsWith('CUSTOMER-'))).toBe(true)
  })

  it("answers the seeds' churn query with exactly the planted customers", async () => {
    const result = await db.records.find({ labels: ['CUSTOMER'], where: CHURN_RISK_WHERE, orderBy: { customerId: 'asc' }, limit: 1000 })
    expect(expected.planted.length).toBeGreaterThan(2)
    expect(result.data.map((r) => r.data.customerId)).toEqual(expected.planted)
    expect(result.total).toBe(expected.planted.length)
  })

  it("answers the seeds' overdue-invoice traversal over the typed relationships", async () => {
    const result = await db.records.find({
      labels: ['ACCOUNT'],
      where: {
        SUBSCRIPTION: {
          $relation: { type: 'HAS_SUBSCRIPTION', direction: 'out' },
          INVOICE: { $relation: { type: 'HAS_INVOICE', direction: 'out' }, status: 'overdue' }
        }
      },
      orderBy: { accountId: 'asc' },
      limit: 1000
    })
    expect(expected.overdueAccounts.length).toBeGreaterThan(0)
    expect(result.data.map((r) => r.data.accountId)).toEqual(expected.overdueAccounts)
  })

  it('ensureDemoData does nothing once CUSTOMER records exist', async () => {
    const again = await ensureDemoData(db, { customers: CUSTOMERS })
    expect(again).toBeNull()
    expect((await db.labels.find({ labels: ['CUSTOMER'] })).data.CUSTOMER).toBe(CUSTOMERS)
  })
})
