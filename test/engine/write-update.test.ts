import { describe, expect, it } from 'vitest'
import { createRecord } from '../../src/engine/write/create-record.js'
import { importJson } from '../../src/engine/write/import-json.js'
import { attachRelationships } from '../../src/engine/write/relationships.js'
import { updateRecord } from '../../src/engine/write/update-record.js'
import { counts, edges, expectRejectedWithoutWrites, read, setup, valsOf } from './write-test-helpers.js'

const ISO = '2024-05-01T00:00:00Z'

describe('PATCH (merge)', () => {
  it('lays new properties over the old ones; new values and types win', () => {
    const { db, store } = setup()
    const rec = createRecord(store, { label: 'Customer', data: { name: 'Acme', mrr: 10, tier: 'gold' } })
    const out = updateRecord(store, rec.__id, { label: 'Customer', data: { mrr: '20', active: true } }, 'merge')
    const expected = {
      __id: rec.__id,
      __label: 'Customer',
      __proptypes: { name: 'string', mrr: 'string', tier: 'string', active: 'boolean' },
      name: 'Acme',
      mrr: '20',
      tier: 'gold',
      active: true
    }
    expect(read(store, rec.__id)).toEqual(expected)
    expect(out).toEqual(expected)
    expect(valsOf(db, rec.__id).map((r) => [r.name, r.type, r.v])).toEqual([
      ['active', 'boolean', 1],
      ['mrr', 'string', '20'],
      ['name', 'string', 'Acme'],
      ['tier', 'string', 'gold']
    ])
  })

  it('re-infers existing properties from their values with default options', () => {
    const { store } = setup()
    const [rec] = importJson(store, { label: 'T', data: { when: ISO, n: 5, flag: false }, options: { returnResult: true } })
    expect(read(store, rec.__id).__proptypes).toEqual({ when: 'string', n: 'string', flag: 'string' })
    const [vec] = importJson(store, { label: 'V', data: { v: [1, 2] }, options: { suggestTypes: true, castNumberArraysToVectors: true } })

    updateRecord(store, rec.__id, { label: 'T', data: {} }, 'merge')
    expect(read(store, rec.__id)).toMatchObject({ __proptypes: { when: 'datetime', n: 'string', flag: 'string' }, when: ISO, n: '5', flag: 'false' })
    updateRecord(store, vec.__id, { data: { extra: null } }, 'merge')
    expect(read(store, vec.__id)).toMatchObject({ __proptypes: { v: 'number', extra: 'null' }, v: [1, 2], extra: null })
  })

  it('keeps the label when the body has none and replaces it when it has one', () => {
    const { store } = setup()
    const rec = createRecord(store, { label: 'Old', data: { a: 1 } })
    updateRecord(store, rec.__id, { data: { b: 2 } }, 'merge')
    expect(read(store, rec.__id).__label).toBe('Old')
    updateRecord(store, rec.__id, { label: 'New', data: {} }, 'merge')
    expect(read(store, rec.__id)).toMatchObject({ __label: 'New', a: 1, b: 2 })
  })

  it('accepts the PropertyDraft form', () => {
    const { store } = setup()
    const rec = createRecord(store, { label: 'T', data: { a: 1 } })
    updateRecord(store, rec.__id, { label: 'T', properties: [{ name: 'tags', type: 'string', value: 'x, y', valueSeparator: ',' }] }, 'merge')
    expect(read(store, rec.__id)).toMatchObject({ __proptypes: { a: 'number', tags: 'string' }, a: 1, tags: ['x', 'y'] })
  })

  it('leaves relationships alone', () => {
    const { db, store } = setup()
    const a = createRecord(store, { label: 'A', data: { x: 1 } })
    const b = createRecord(store, { label: 'B', data: { x: 2 } })
    attachRelationships(store, a.__id, { targetIds: b.__id, type: 'KNOWS' })
    updateRecord(store, a.__id, { label: 'A2', data: { y: 1 } }, 'merge')
    updateRecord(store, b.__id, { label: 'B', data: {} }, 'replace')
    expect(edges(db)).toEqual([{ src: a.__id, dst: b.__id, type: 'KNOWS' }])
  })
})

describe('PUT (replace)', () => {
  it('writes exactly the body properties', () => {
    const { db, store } = setup()
    const rec = createRecord(store, { label: 'Customer', data: { name: 'Acme', mrr: 10 } })
    const out = updateRecord(store, rec.__id, { label: 'Customer', data: { status: 'churned' } }, 'replace')
    const expected = { __id: rec.__id, __label: 'Customer', __proptypes: { status: 'string' }, status: 'churned' }
    expect(out).toEqual(expected)
    expect(read(store, rec.__id)).toEqual(expected)
    expect(valsOf(db, rec.__id)).toEqual([{ name: 'status', type: 'string', pos: 0, v: 'churned', ts: null }])
  })

  it('empties a record when the body has only a label', () => {
    const { store } = setup()
    const rec = createRecord(store, { label: 'A', data: { a: 1 } })
    expect(updateRecord(store, rec.__id, { label: 'B' }, 'replace')).toEqual({ __id: rec.__id, __label: 'B', __proptypes: {} })
  })
})

describe('update rejections write nothing', () => {
  it('403 for an unknown or malformed id', () => {
    const { db, store } = setup()
    createRecord(store, { label: 'A', data: { a: 1 } })
    expectRejectedWithoutWrites(db, () => updateRecord(store, '0197b9c0-5f3e-7c2a-9d1e-4b6a8f0c1d23', { data: { a: 2 } }, 'merge'), 403)
    expectRejectedWithoutWrites(db, () => updateRecord(store, 'nope', { data: { a: 2 } }, 'replace'), 403)
  })

  it('400 for a bad body, even on PUT', () => {
    const { db, store } = setup()
    const rec = createRecord(store, { label: 'A', data: { a: 1 } })
    expectRejectedWithoutWrites(db, () => updateRecord(store, rec.__id, { data: { a: { nested: 1 } } }, 'replace'), 400, '"data.a" must not be a nested object')
    expectRejectedWithoutWrites(db, () => updateRecord(store, rec.__id, { data: { __label: 'x' } }, 'merge'), 400, 'disallowed keys')
    expect(counts(db)).toEqual({ records: 1, vals: 1, rels: 0 })
  })
})
