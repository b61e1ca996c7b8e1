import { describe, expect, it } from 'vitest'
import type { RecordStore } from '../../src/engine/storage/record-store.js'
import { DEFAULT_RELATION_TYPE } from '../../src/engine/types.js'
import { createRecord } from '../../src/engine/write/create-record.js'
import { attachRelationships, detachRelationships } from '../../src/engine/write/relationships.js'
import { edges, expectRejectedWithoutWrites, setup } from './write-test-helpers.js'

const UNKNOWN = '0197b9c0-5f3e-7c2a-9d1e-4b6a8f0c1d23'

function three(store: RecordStore): [string, string, string] {
  return ['A', 'B', 'C'].map((label) => createRecord(store, { label, data: { n: label } }).__id) as [string, string, string]
}

const sorted = (list: Array<{ src: string; dst: string; type: string }>) =>
  [...list].sort((x, y) => (x.src + x.dst + x.type).localeCompare(y.src + y.dst + y.type))

describe('attach', () => {
  it('defaults to the default type, outgoing from the source', () => {
    const { db, store } = setup()
    const [a, b] = three(store)
    attachRelationships(store, a, { targetIds: b })
    expect(edges(db)).toEqual([{ src: a, dst: b, type: DEFAULT_RELATION_TYPE }])
  })

  it('reverses with direction in, and handles many targets', () => {
    const { db, store } = setup()
    const [a, b, c] = three(store)
    attachRelationships(store, a, { targetIds: [b, c], type: 'OWNS', direction: 'in' })
    expect(edges(db)).toEqual(sorted([{ src: b, dst: a, type: 'OWNS' }, { src: c, dst: a, type: 'OWNS' }]))
  })

  it('is idempotent and flips an edge when re-attached the other way', () => {
    const { db, store } = setup()
    const [a, b] = three(store)
    attachRelationships(store, a, { targetIds: [b, b], type: 'T' })
    attachRelationships(store, a, { targetIds: b, type: 'T' })
    expect(edges(db)).toEqual([{ src: a, dst: b, type: 'T' }])
    attachRelationships(store, a, { targetIds: b, type: 'T', direction: 'in' })
    expect(edges(db)).toEqual([{ src: b, dst: a, type: 'T' }])
    attachRelationships(store, b, { targetIds: a, type: 'U' })
    expect(edges(db)).toEqual(sorted([{ src: b, dst: a, type: 'T' }, { src: b, dst: a, type: 'U' }]))
  })

  it('allows self-loops', () => {
    const { db, store } = setup()
    const [a] = three(store)
    attachRelationships(store, a, { targetIds: [a], type: 'SELF' })
    attachRelationships(store, a, { targetIds: [a], type: 'SELF', direction: 'in' })
    expect(edges(db)).toEqual([{ src: a, dst: a, type: 'SELF' }])
  })

  it('403 for an unknown source or any unknown target, writing nothing', () => {
    const { db, store } = setup()
    const [a, b, c] = three(store)
    attachRelationships(store, a, { targetIds: c, type: 'KEEP' })
    expectRejectedWithoutWrites(db, () => attachRelationships(store, UNKNOWN, { targetIds: b }), 403)
    expectRejectedWithoutWrites(db, () => attachRelationships(store, a, { targetIds: [b, UNKNOWN] }), 403)
    expectRejectedWithoutWrites(db, () => attachRelationships(store, a, { targetIds: ['not-an-id'] }), 403)
    expect(edges(db)).toEqual([{ src: a, dst: c, type: 'KEEP' }])
  })

  it.each([
    [{}, '"targetIds" is required'],
    [{ targetIds: '' }, '"targetIds" is not allowed to be empty'],
    [{ targetIds: [] }, '"targetIds" must contain at least 1 item'],
    [{ targetIds: [5] }, '"targetIds[0]" must be a non-empty string'],
    [{ targetIds: 'x', type: '' }, '"type" must be a non-empty string'],
    [{ targetIds: 'x', direction: 'up' }, '"direction" must be one of [in, out]'],
    [null, '"value" must be of type object']
  ])('400 for a bad body %j', (body, message) => {
    const { db, store } = setup()
    const [a] = three(store)
    expectRejectedWithoutWrites(db, () => attachRelationships(store, a, body), 400, message)
  })
})

describe('detach', () => {
  function linked() {
    const { db, store } = setup()
    const [a, b, c] = three(store)
    attachRelationships(store, a, { targetIds: b, type: 'X' })
    attachRelationships(store, a, { targetIds: b, type: 'Y' })
    attachRelationships(store, b, { targetIds: a, type: 'Z' })
    attachRelationships(store, a, { targetIds: c, type: 'X' })
    return { db, store, a, b, c }
  }

  it('removes every type in both directions by default', () => {
    const { db, store, a, b, c } = linked()
    detachRelationships(store, a, { targetIds: b })
    expect(edges(db)).toEqual([{ src: a, dst: c, type: 'X' }])
  })

  it('removes only the given type or types', () => {
    const { db, store, a, b, c } = linked()
    detachRelationships(store, a, { targetIds: [b, c], typeOrTypes: 'X' })
    expect(edges(db)).toEqual(sorted([{ src: a, dst: b, type: 'Y' }, { src: b, dst: a, type: 'Z' }]))
    detachRelationships(store, a, { targetIds: b, typeOrTypes: ['Y', 'Z'] })
    expect(edges(db)).toEqual([])
  })

  it('filters by direction relative to the source', () => {
    const { db, store, a, b, c } = linked()
    detachRelationships(store, a, { targetIds: b, direction: 'in' })
    expect(edges(db)).toEqual(sorted([{ src: a, dst: b, type: 'X' }, { src: a, dst: b, type: 'Y' }, { src: a, dst: c, type: 'X' }]))
    detachRelationships(store, a, { targetIds: b, direction: 'out', typeOrTypes: 'Y' })
    expect(edges(db)).toEqual(sorted([{ src: a, dst: b, type: 'X' }, { src: a, dst: c, type: 'X' }]))
  })

  it('is a no-op for missing edges', () => {
    const { db, store, a, c } = linked()
    const before = edges(db)
    detachRelationships(store, c, { targetIds: a, direction: 'out' })
    detachRelationships(store, a, { targetIds: c, typeOrTypes: 'NOPE' })
    expect(edges(db)).toEqual(before)
  })

  it('403 for unknown ids and 400 for a bad body, writing nothing', () => {
    const { db, store, a, b } = linked()
    expectRejectedWithoutWrites(db, () => detachRelationships(store, a, { targetIds: [b, UNKNOWN] }), 403)
    expectRejectedWithoutWrites(db, () => detachRelationships(store, UNKNOWN, { targetIds: b }), 403)
    expectRejectedWithoutWrites(db, () => detachRelationships(store, a, { targetIds: b, typeOrTypes: [] }), 400, '"typeOrTypes" must be')
    expectRejectedWithoutWrites(db, () => detachRelationships(store, a, { targetIds: b, typeOrTypes: '' }), 400, '"typeOrTypes" must be')
    expectRejectedWithoutWrites(db, () => detachRelationships(store, a, { targetIds: b, direction: 'both' }), 400, '"direction"')
  })
})
