import { describe, expect, it } from 'vitest'
import { DEFAULT_RELATION_TYPE } from '../../src/engine/types.js'
import { importJson } from '../../src/engine/write/import-json.js'
import { counts, edges, expectRejectedWithoutWrites, read, setup } from './write-test-helpers.js'

const customer = {
  name: 'Acme',
  tier: 'gold',
  profile: { country: 'NL' },
  orders: [
    { number: 'A-1', items: [{ sku: 'x' }, { sku: 'y' }] },
    { number: 'A-2', items: [] }
  ]
}

function nest(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true }
  for (let i = 1; i < depth; i++) value = { n: i, child: value }
  return value
}

describe('nested import', () => {
  it('creates children labelled by key, in BFS order, linked parent -> child', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'Customer', data: customer })
    expect(out.map((r) => [r.__label, r.name ?? r.country ?? r.number ?? r.sku])).toEqual([
      ['Customer', 'Acme'],
      ['profile', 'NL'],
      ['orders', 'A-1'],
      ['orders', 'A-2'],
      ['items', 'x'],
      ['items', 'y']
    ])
    const [root, profile, o1, o2, i1, i2] = out
    expect(read(store, root.__id)).toEqual({ __id: root.__id, __label: 'Customer', __proptypes: { name: 'string', tier: 'string' }, name: 'Acme', tier: 'gold' })
    expect(read(store, o2.__id)).toEqual({ __id: o2.__id, __label: 'orders', __proptypes: { number: 'string', items: 'string' }, number: 'A-2', items: [] })
    for (const r of out) expect(read(store, r.__id)).toEqual(r)
    const expected = [
      [root, profile],
      [root, o1],
      [root, o2],
      [o1, i1],
      [o1, i2]
    ].map(([s, d]) => ({ src: s.__id, dst: d.__id, type: DEFAULT_RELATION_TYPE }))
    expect(edges(db)).toEqual(expected.sort((a, b) => (a.src + a.dst).localeCompare(b.src + b.dst)))
    expect(counts(db)).toMatchObject({ records: 6, rels: 5 })
    // Parents are created before children, so their UUIDv7s sort first.
    expect(out.map((r) => r.__id)).toEqual([...out.map((r) => r.__id)].sort())
  })

  it('upper-cases whole labels with capitalizeLabels and uses a trimmed relationshipType', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'customer', data: customer, options: { suggestTypes: true, capitalizeLabels: true, relationshipType: '  HAS  ' } })
    expect(out.map((r) => r.__label)).toEqual(['CUSTOMER', 'PROFILE', 'ORDERS', 'ORDERS', 'ITEMS', 'ITEMS'])
    expect(new Set(edges(db).map((e) => e.type))).toEqual(new Set(['HAS']))
  })

  it('falls back to the default type for a blank relationshipType', () => {
    const { db, store } = setup()
    importJson(store, { label: 'C', data: { a: 1, child: { b: 2 } }, options: { suggestTypes: true, relationshipType: '   ' } })
    expect(edges(db).map((e) => e.type)).toEqual([DEFAULT_RELATION_TYPE])
  })

  it('imports arrays of roots and creates nothing for an empty array', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'P', data: [{ a: 1 }, {}, { b: 'x' }] })
    expect(out.map((r) => r.__label)).toEqual(['P', 'P', 'P'])
    expect(read(store, out[1].__id)).toEqual({ __id: out[1].__id, __label: 'P', __proptypes: {} })
    expect(importJson(store, { label: 'P', data: [] })).toEqual([])
    expect(counts(db)).toEqual({ records: 3, vals: 2, rels: 0 })
  })

  it('skips a root object with only nested values; its children become unlinked top-level records', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'Wrapper', data: { customer: { name: 'A' }, vendors: [{ name: 'V' }] } })
    expect(out.map((r) => [r.__label, r.name])).toEqual([
      ['customer', 'A'],
      ['vendors', 'V']
    ])
    expect(counts(db)).toMatchObject({ records: 2, rels: 0 })
  })

  it('keeps a root object that has primitive arrays, even empty ones', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'R', data: { tags: [], child: { a: 1 } } })
    expect(out.map((r) => r.__label)).toEqual(['R', 'child'])
    expect(counts(db)).toMatchObject({ records: 2, rels: 1 })
  })

  it('creates unlabelled roots when label is absent', () => {
    const { store } = setup()
    const [root, child] = importJson(store, { data: { a: 1, kid: { b: 2 } } })
    expect(read(store, root.__id)).toEqual({ __id: root.__id, __proptypes: { a: 'number' }, a: 1 })
    expect(child.__label).toBe('kid')
  })

  it('accepts 32 levels of nesting', () => {
    const { db, store } = setup()
    expect(importJson(store, { label: 'D', data: nest(32) })).toHaveLength(32)
    expect(counts(db)).toMatchObject({ records: 32, rels: 31 })
  })
})

describe('import rejections write nothing', () => {
  const cases: Array<[string, unknown, string]> = [
    ['null in an array of objects', { label: 'C', data: { a: 1, orders: [{ n: 1 }, null] } }, '"data.orders[1]" is null in an array of objects'],
    ['objects mixed with primitives', { label: 'C', data: { a: 1, orders: [{ n: 1 }, 'str'] } }, '"data.orders[1]" is "str" in an array of objects'],
    ['primitives mixed with objects', { label: 'C', data: [{ a: 1, xs: [1, { n: 1 }] }] }, '"data[0].xs[0]" is 1 in an array of objects'],
    ['nested arrays', { label: 'C', data: { a: 1, m: [[1, 2]] } }, '"data.m[0]" is an array inside an array'],
    ['nested arrays among objects', { label: 'C', data: { a: 1, o: { deep: [{ x: 1 }, [1]] } } }, '"data.o.deep[1]" is an array inside an array'],
    ['more than 32 levels', { label: 'D', data: nest(33) }, 'is nested deeper than 32 levels'],
    ['a string payload', { label: 'C', data: 'x' }, '"data" must be an object or an array of objects'],
    ['a missing payload', { label: 'C' }, '"data" must be an object or an array of objects'],
    ['an array with a primitive root', { label: 'C', data: [{ a: 1 }, 2] }, '"data[1]" must be of type object'],
    ['an empty label', { label: '', data: { a: 1 } }, '"label" is not allowed to be empty'],
    ['a non-boolean option', { label: 'C', data: { a: 1 }, options: { suggestTypes: 'yes' } }, '"options.suggestTypes" must be a boolean'],
    ['an empty key', { label: 'C', data: { a: 1, child: { '': 1 } } }, '"data.child." has an empty property name'],
    ['a disallowed key deep inside', { label: 'C', data: { a: 1, child: [{ b: { $gt: 1 } }] } }, 'Request body contains disallowed keys: ["$gt"]']
  ]
  it.each(cases)('rejects %s with 400', (_name, body, message) => {
    const { db, store } = setup()
    importJson(store, { label: 'Seed', data: { a: 1, kid: { b: 2 } } })
    expectRejectedWithoutWrites(db, () => importJson(store, body), 400, message)
  })

  it('uses the validation message prefix for body errors', () => {
    const { db, store } = setup()
    expectRejectedWithoutWrites(db, () => importJson(store, { label: 5, data: 'x' }), 400, 'Request validation of body failed, because: "label" must be a string, "data" must be')
  })
})
