import { describe, expect, it } from 'vitest'
import { createRecord } from '../../src/engine/write/create-record.js'
import { deleteRecordById, deleteRecordsByRids } from '../../src/engine/write/delete-records.js'
import { importJson } from '../../src/engine/write/import-json.js'
import { attachRelationships } from '../../src/engine/write/relationships.js'
import { counts, edges, expectRejectedWithoutWrites, read, setup } from './write-test-helpers.js'

describe('delete by id', () => {
  it('removes the record, its values and its own relationships, nothing else', () => {
    const { db, store } = setup()
    const [root, child, grandchild] = importJson(store, { label: 'Root', data: { a: 1, child: { b: [1, 2], grandchild: { c: 3 } } } })
    const other = createRecord(store, { label: 'Other', data: { d: 4 } })
    attachRelationships(store, other.__id, { targetIds: child.__id, type: 'SEES' })
    expect(counts(db)).toEqual({ records: 4, vals: 5, rels: 3 })

    deleteRecordById(store, child.__id)

    expect(store.rowById(child.__id)).toBeUndefined()
    expect(counts(db)).toEqual({ records: 3, vals: 3, rels: 0 })
    expect(read(store, root.__id)).toMatchObject({ a: 1 })
    expect(read(store, grandchild.__id)).toMatchObject({ c: 3 })
  })

  it('403 for an unknown id, writing nothing', () => {
    const { db, store } = setup()
    createRecord(store, { label: 'A', data: { a: 1 } })
    expectRejectedWithoutWrites(db, () => deleteRecordById(store, '0197b9c0-5f3e-7c2a-9d1e-4b6a8f0c1d23'), 403, 'Forbidden resource')
    expectRejectedWithoutWrites(db, () => deleteRecordById(store, ''), 403)
  })
})

describe('delete by rids', () => {
  it('deletes many records with their values and relationships and returns the count', () => {
    const { db, store } = setup()
    const out = importJson(store, { label: 'Root', data: [{ a: 1, kids: [{ k: 1 }, { k: 2 }] }, { a: 2 }] })
    const rid = (id: string) => store.rowById(id)!.rid
    const [r1, r2, k1, k2] = out
    const survivor = createRecord(store, { label: 'S', data: { s: true } })
    attachRelationships(store, survivor.__id, { targetIds: [r1.__id, k2.__id] })

    expect(deleteRecordsByRids(store, [rid(r1.__id), rid(k1.__id), rid(k1.__id), 999_999])).toBe(2)

    expect(counts(db)).toEqual({ records: 3, vals: 3, rels: 1 })
    expect(edges(db)).toEqual([{ src: survivor.__id, dst: k2.__id, type: '__RUSHDB__RELATION__DEFAULT__' }])
    expect(read(store, r2.__id)).toMatchObject({ a: 2 })
    expect(deleteRecordsByRids(store, [])).toBe(0)
  })
})
