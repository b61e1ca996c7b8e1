import { describe, expect, it } from 'vitest'
import { schema } from '../../src/schema/index.js'
import { PlanBuilder, type PlanOptions } from '../../src/writes/plan-builder.js'
import { catalogFromSchema } from '../../src/writes/write-catalog.js'

const catalog = catalogFromSchema(schema)
const builder = (options: Partial<PlanOptions> = {}) => new PlanBuilder({ catalog, maxDepth: 16, maxRecords: 1000, ...options })

describe('planning a write (pure: no storage)', () => {
  it('merges a record named twice and keeps each link once', () => {
    const b = builder()
    b.add('CUSTOMER', { customerId: 'c-1', account: { accountId: 'a-1', name: 'Acme' } }, 'c[0]')
    b.add('CUSTOMER', { customerId: 'c-2', ACCOUNT: { name: 'Acme', region: 'EU' } }, 'c[1]')
    b.add('CUSTOMER', { customerId: 'c-1', plan: 'pro', account: { accountId: 'a-1' } }, 'c[2]')
    const plan = b.build()
    expect(plan.nodes.map((n) => [n.label, n.props])).toEqual([
      ['CUSTOMER', { customerId: 'c-1', plan: 'pro' }],
      ['ACCOUNT', { accountId: 'a-1', name: 'Acme', region: 'EU' }],
      ['CUSTOMER', { customerId: 'c-2' }]
    ])
    expect(plan.links.map((l) => [l.parent, l.child, l.relation.write])).toEqual([
      [0, 1, { type: 'BELONGS_TO', direction: 'out' }],
      [2, 1, { type: 'BELONGS_TO', direction: 'out' }]
    ])
    expect(plan.roots.map((r) => r.node)).toEqual([0, 2, 0])
  })

  it('reads foreign keys as references and relation keys in any of their spellings', () => {
    const b = builder({ capitalizeLabels: true })
    b.add('SUBSCRIPTION', { subscriptionId: 's-1', customerId: 'c-1', accountId: 'a-1', invoice: { month: '2026-05', amount: 40 } }, 'r')
    const { nodes, links } = b.build()
    expect(nodes.map((n) => [n.label, n.mode, n.identity])).toEqual([
      ['CUSTOMER', 'ref', { kind: 'key', keys: { customerId: 'c-1' } }],
      ['ACCOUNT', 'ref', { kind: 'key', keys: { accountId: 'a-1' } }],
      ['SUBSCRIPTION', 'upsert', { kind: 'key', keys: { subscriptionId: 's-1' } }],
      ['INVOICE', 'upsert', { kind: 'scoped', match: ['month'] }]
    ])
    expect(nodes[2].props).toEqual({ subscriptionId: 's-1' })
    expect(links.map((l) => `${nodes[l.parent].label} -[${l.relation.write.type}]-> ${nodes[l.child].label}`)).toEqual([
      'CUSTOMER -[__RUSHDB__RELATION__DEFAULT__]-> SUBSCRIPTION',
      'ACCOUNT -[HAS_SUBSCRIPTION]-> SUBSCRIPTION',
      'SUBSCRIPTION -[HAS_INVOICE]-> INVOICE'
    ])
  })

  it('adds a payload whole or not at all, listing every problem with its path', () => {
    const b = builder()
    b.add('CUSTOMER', { customerId: 'c-1' }, 'c[0]')
    let error: any
    try {
      b.add('CUSTOMER', { customerId: 'c-2', plan: 7, subscriptions: [{ seats: 1.5 }, 'x'], $where: 1 }, 'c[1]')
    } catch (e) {
      error = e
    }
    expect(error.extensions.problems).toEqual([
      { path: 'c[1].plan', message: 'must be a string, got 7' },
      { path: 'c[1].$where', message: 'property name "$where" is reserved (names starting with $ or __ belong to RushDB)' },
      { path: 'c[1].subscriptions[0].seats', message: 'must be a 32-bit integer, got 1.5' },
      { path: 'c[1].subscriptions[1]', message: 'must be an object (a SUBSCRIPTION record), got "x"' }
    ])
    expect(b.build().nodes).toHaveLength(1)
  })

  it('caps the records of one plan', () => {
    const b = builder({ maxRecords: 5 })
    expect(() => b.add('CUSTOMER', { customerId: 'c-1', orders: Array.from({ length: 5 }, (_, i) => ({ orderId: `o-${i}` })) }, 'c[0]')).toThrow(
      'c[0]: this write would hold more than 5 records; split it into smaller batches'
    )
  })

  it('matches keyless records inside their parent and generic roots by mergeBy keys', () => {
    const b = builder({ mergeBy: ['sku'] })
    b.add('PRODUCT', { sku: 'p-1', name: 'Widget', PART: [{ name: 'bolt' }, { name: 'bolt' }] }, 'r')
    const { nodes } = b.build()
    expect(nodes.map((n) => [n.label, n.identity])).toEqual([
      ['PRODUCT', { kind: 'key', keys: { sku: 'p-1' } }],
      ['PART', { kind: 'scoped', match: null }]
    ])
  })
})
