import { describe, expect, it } from 'vitest'
import { createRecord } from '../../src/engine/write/create-record.js'
import { importJson } from '../../src/engine/write/import-json.js'
import { counts, edges, read, setup, valsOf } from './write-test-helpers.js'

describe('create with mergeBy', () => {
  it('updates the matching record in place (append keeps other properties)', () => {
    const { db, store } = setup()
    const first = createRecord(store, { label: 'Customer', data: { email: 'a@x.io', name: 'A', tier: 'gold' } })
    const again = createRecord(store, { label: 'Customer', data: { email: 'a@x.io', name: 'A2' }, options: { suggestTypes: true, mergeBy: ['email'] } })
    expect(again.__id).toBe(first.__id)
    expect(read(store, first.__id)).toEqual({
      __id: first.__id,
      __label: 'Customer',
      __proptypes: { email: 'string', name: 'string', tier: 'string' },
      email: 'a@x.io',
      name: 'A2',
      tier: 'gold'
    })
    expect(again).toEqual(read(store, first.__id))
    expect(valsOf(db, first.__id).map((r) => [r.name, r.v])).toEqual([
      ['email', 'a@x.io'],
      ['name', 'A2'],
      ['tier', 'gold']
    ])
    expect(counts(db).records).toBe(1)
  })

  it('replaces properties with mergeStrategy rewrite', () => {
    const { store } = setup()
    const first = createRecord(store, { label: 'Customer', data: { email: 'a@x.io', tier: 'gold' } })
    createRecord(store, { label: 'Customer', data: { email: 'a@x.io', mrr: 5 }, options: { suggestTypes: true, mergeBy: ['email'], mergeStrategy: 'rewrite' } })
    expect(read(store, first.__id)).toEqual({ __id: first.__id, __label: 'Customer', __proptypes: { email: 'string', mrr: 'number' }, email: 'a@x.io', mrr: 5 })
  })

  it('creates when the label, the value or the type differs, or no mergeBy key is present', () => {
    const { db, store } = setup()
    createRecord(store, { label: 'Customer', data: { email: 'a@x.io', n: 1 } })
    const opts = { suggestTypes: true, mergeBy: ['email'] }
    createRecord(store, { label: 'Vendor', data: { email: 'a@x.io' }, options: opts })
    createRecord(store, { label: 'Customer', data: { email: 'b@x.io' }, options: opts })
    createRecord(store, { label: 'Customer', data: { name: 'no email' }, options: opts })
    createRecord(store, { label: 'Customer', data: { n: '1' }, options: { suggestTypes: true, mergeBy: ['n'] } })
    expect(counts(db).records).toBe(5)
    // Only the mergeBy keys the record has are compared.
    expect(createRecord(store, { label: 'Customer', data: { email: 'b@x.io', m: 1 }, options: { suggestTypes: true, mergeBy: ['email', 'phone'] } })).toMatchObject({ m: 1 })
    expect(counts(db).records).toBe(5)
  })

  it('matches on every incoming property when mergeBy is empty or only a strategy is given', () => {
    const { db, store } = setup()
    const first = createRecord(store, { label: 'T', data: { a: 1, b: [true, false], c: null } })
    expect(createRecord(store, { label: 'T', data: { a: 1, b: [true, false], c: null }, options: { suggestTypes: true, mergeBy: [] } }).__id).toBe(first.__id)
    expect(createRecord(store, { label: 'T', data: { a: 1 }, options: { suggestTypes: true, mergeStrategy: 'append' } }).__id).toBe(first.__id)
    expect(createRecord(store, { label: 'T', data: { a: 1, b: [true] }, options: { suggestTypes: true, mergeBy: [] } }).__id).not.toBe(first.__id)
    expect(counts(db).records).toBe(2)
  })

  it('matches unlabelled records only against unlabelled records', () => {
    const { db, store } = setup()
    const first = createRecord(store, { data: { k: 'x' } })
    createRecord(store, { label: 'L', data: { k: 'x' } })
    expect(createRecord(store, { data: { k: 'x', v: 2 }, options: { suggestTypes: true, mergeBy: ['k'] } }).__id).toBe(first.__id)
    expect(counts(db).records).toBe(2)
  })
})

describe('import with mergeBy', () => {
  const customer = (status: string) => ({
    email: 'acme@x.io',
    status,
    profile: { country: 'NL' },
    orders: [
      { number: 'A-1', total: 10, items: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 2 }] },
      { number: 'A-2', total: 20 }
    ]
  })
  const body = (status: string, extra: Record<string, unknown> = {}) => ({
    label: 'Customer',
    data: customer(status),
    options: { suggestTypes: true, returnResult: true, mergeBy: ['email'], ...extra }
  })

  it('is idempotent: the same nested customer twice gives the same records and edges', () => {
    const { db, store } = setup()
    const first = importJson(store, body('active'))
    const before = { counts: counts(db), edges: edges(db) }
    expect(before.counts).toMatchObject({ records: 6, rels: 5 })
    const second = importJson(store, body('active'))
    expect(second.map((r) => r.__id)).toEqual(first.map((r) => r.__id))
    expect(counts(db)).toEqual(before.counts)
    expect(edges(db)).toEqual(before.edges)
  })

  it('updates a changed status in place and adds only new children', () => {
    const { db, store } = setup()
    const [root] = importJson(store, body('active'))
    const data = customer('churned')
    data.orders.push({ number: 'A-3', total: 30 })
    const out = importJson(store, { label: 'Customer', data, options: { suggestTypes: true, returnResult: true, mergeBy: ['email'] } })
    expect(out[0].__id).toBe(root.__id)
    expect(read(store, root.__id)).toMatchObject({ status: 'churned', email: 'acme@x.io' })
    expect(counts(db)).toMatchObject({ records: 7, rels: 6 })
    expect(out.map((r) => r.number ?? r.sku ?? r.country ?? r.email)).toEqual(['acme@x.io', 'NL', 'A-1', 'A-2', 'A-3', 'x', 'y'])
  })

  it('matches children by their mergeBy keys within the parent, else by all their properties', () => {
    const { db, store } = setup()
    importJson(store, body('active', { mergeBy: ['email', 'number'] }))
    const data = customer('active')
    data.orders[1].total = 25
    data.orders[0].items![0].qty = 5
    importJson(store, { label: 'Customer', data, options: { suggestTypes: true, mergeBy: ['email', 'number'] } })
    // A-2 has a mergeBy key (number): updated in place. Item x has none: a changed qty is a new item.
    const orders = db.prepare("SELECT props FROM records WHERE label = 'orders' ORDER BY rid").all() as Array<{ props: string }>
    expect(orders.map((o) => JSON.parse(o.props))).toEqual([
      { number: 'A-1', total: 10 },
      { number: 'A-2', total: 25 }
    ])
    const items = db.prepare("SELECT props FROM records WHERE label = 'items' ORDER BY rid").all() as Array<{ props: string }>
    expect(items.map((o) => JSON.parse(o.props))).toEqual([
      { sku: 'x', qty: 1 },
      { sku: 'y', qty: 2 },
      { sku: 'x', qty: 5 }
    ])
  })

  it('does not match children of a different parent', () => {
    const { db, store } = setup()
    importJson(store, body('active'))
    const other = customer('active')
    other.email = 'other@x.io'
    importJson(store, { label: 'Customer', data: other, options: { suggestTypes: true, mergeBy: ['email'] } })
    expect(counts(db)).toMatchObject({ records: 12, rels: 10 })
  })

  it('collapses duplicates inside one import and returns each record once', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'Tag', data: [{ name: 'a', n: 1 }, { name: 'a', n: 2 }, { name: 'b' }], options: { suggestTypes: true, mergeBy: ['name'] } })
    expect(out.map((r) => [r.name, r.n])).toEqual([
      ['a', 2],
      ['b', undefined]
    ])
    expect(counts(db).records).toBe(2)
  })

  it('rewrites matched records with mergeStrategy rewrite', () => {
    const { store } = setup()
    const [root] = importJson(store, { label: 'C', data: { k: 1, a: 'x' }, options: { suggestTypes: true, mergeBy: ['k'] } })
    importJson(store, { label: 'C', data: { k: 1, b: 'y' }, options: { suggestTypes: true, mergeBy: ['k'], mergeStrategy: 'rewrite' } })
    expect(read(store, root.__id)).toEqual({ __id: root.__id, __label: 'C', __proptypes: { k: 'number', b: 'string' }, k: 1, b: 'y' })
  })
})
