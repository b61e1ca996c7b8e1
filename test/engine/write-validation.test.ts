import { describe, expect, it } from 'vitest'
import { createRecord } from '../../src/engine/write/create-record.js'
import { importJson } from '../../src/engine/write/import-json.js'
import { assertNoDisallowedKeys } from '../../src/engine/write/write-guard.js'
import { counts, expectEngineError, expectRejectedWithoutWrites, read, setup } from './write-test-helpers.js'

const PREFIX = 'Request validation of body failed, because: '

describe('EntityWriteGuard', () => {
  it('rejects disallowed keys at any depth, listing them', () => {
    const error = expectEngineError(() => assertNoDisallowedKeys({ data: { a: [{ b: { $gt: 1, __id: 'x' } }], $or: [] } }), 400)
    expect(error.message).toBe('Request body contains disallowed keys: ["$or","$gt","__id"]')
    expectEngineError(() => assertNoDisallowedKeys({ data: { __RUSHDB__KEY__ID__: 'x' } }), 400, '["__RUSHDB__KEY__ID__"]')
    for (const key of ['__label', '__proptypes', '__projectId', '$relation', '$alias', '$id', '$vector', '$type', '$year', '$exists']) {
      expectEngineError(() => assertNoDisallowedKeys([{ ok: 1 }, { [key]: 1 }]), 400, `["${key}"]`)
    }
  })

  it('accepts ordinary keys, values that look like operators, and primitives', () => {
    expect(() => assertNoDisallowedKeys({ label: '$gt', data: { price: '$in', $eq: 1, _id: 2, __other: 3 } })).not.toThrow()
    expect(() => assertNoDisallowedKeys(null)).not.toThrow()
  })

  it('walks a very deep body without overflowing the stack', () => {
    let deep: Record<string, unknown> = { $gt: 1 }
    for (let i = 0; i < 100_000; i++) deep = { x: deep }
    expectEngineError(() => assertNoDisallowedKeys(deep), 400, '["$gt"]')
  })

  it('guards create and import before anything is written', () => {
    const { db, store } = setup()
    expectRejectedWithoutWrites(db, () => createRecord(store, { label: 'A', data: { __proptypes: {} } }), 400, 'disallowed keys')
    expectRejectedWithoutWrites(db, () => importJson(store, { label: 'A', data: [{ a: 1 }, { b: { $in: [1] } }] }), 400, '["$in"]')
  })
})

describe('data form', () => {
  it.each([
    [{ label: 'A', data: { a: { b: 1 } } }, '"data.a" must not be a nested object'],
    [{ label: 'A', data: { a: [1, 'a'] } }, '"data.a" must be an array of one kind of value, but mixes number and string'],
    [{ label: 'A', data: { a: [1, null] } }, 'mixes number and null'],
    [{ label: 'A', data: { a: [[1]] } }, '"data.a[0]" must be null, a boolean, a finite number or a string'],
    [{ label: 'A', data: { a: Number.NaN } }, '"data.a" must be null, a boolean, a finite number or a string'],
    [{ label: 'A', data: { '': 1 } }, '"data." has an empty property name'],
    [{ label: 'A', data: { ['x'.repeat(101)]: 1 } }, 'longer than 100 characters'],
    [JSON.parse('{"label":"A","data":{"__proto__":1}}'), 'property name "__proto__" is not allowed'],
    [{ label: 7, data: {} }, '"label" must be a string'],
    [{ label: '', data: {} }, '"label" is not allowed to be empty'],
    [{ label: 'A', data: [1] }, '"data" must be of type object'],
    [{ label: 'A', data: {}, options: 'x' }, '"options" must be of type object'],
    [{ label: 'A', data: {}, options: { mergeStrategy: 'merge' } }, '"options.mergeStrategy" must be one of [append, rewrite]'],
    [{ label: 'A', data: {}, options: { mergeBy: 'email' } }, '"options.mergeBy" must be an array'],
    [{ label: 'A', data: {}, options: { mergeBy: [''] } }, '"options.mergeBy[0]" length must be 1 to 100 characters'],
    ['body', '"value" must be of type object']
  ])('rejects %j', (body, message) => {
    const { db, store } = setup()
    createRecord(store, { label: 'Seed', data: { s: 1 } })
    const error = expectRejectedWithoutWrites(db, () => createRecord(store, body), 400, message)
    expect(error.message.startsWith(PREFIX)).toBe(true)
  })

  it('reports every problem at once', () => {
    const { store } = setup()
    const error = expectEngineError(() => createRecord(store, { label: 1, data: { a: {}, b: [1, 'x'] } }), 400)
    expect(error.message).toBe(
      `${PREFIX}"label" must be a string, "data.a" must not be a nested object (the data form takes flat records; import nested JSON instead), "data.b" must be an array of one kind of value, but mixes number and string`
    )
  })

  it('creates an empty record from an empty body', () => {
    const { db, store } = setup()
    const out = createRecord(store, {})
    expect(read(store, out.__id)).toEqual({ __id: out.__id, __proptypes: {} })
    expect(counts(db)).toEqual({ records: 1, vals: 0, rels: 0 })
  })
})

describe('properties (PropertyDraft) form', () => {
  it('stores drafts with their declared types and parses values as RushDB does', () => {
    const { store } = setup()
    const out = createRecord(store, {
      label: 'P',
      properties: [
        { name: 'name', type: 'string', value: 'Acme' },
        { name: 'tags', type: 'string', value: ' a, b ,, c ', valueSeparator: ',' },
        { name: 'scores', type: 'number', value: '1;2.5; -3', valueSeparator: ';' },
        { name: 'when', type: 'datetime', value: '2024-01-01T00:00:00Z' },
        { name: 'ok', type: 'boolean', value: [true, false] },
        { name: 'nothing', type: 'null', value: null },
        { name: 'none', type: 'number', value: [] },
        { name: 'name', type: 'string', value: ['Other'] }
      ]
    })
    expect(read(store, out.__id)).toEqual({
      __id: out.__id,
      __label: 'P',
      __proptypes: { name: 'string', tags: 'string', scores: 'number', when: 'datetime', ok: 'boolean', nothing: 'null', none: 'number' },
      name: ['Acme', 'Other'],
      tags: ['a', 'b', 'c'],
      scores: [1, 2.5, -3],
      when: '2024-01-01T00:00:00Z',
      ok: [true, false],
      nothing: null,
      none: []
    })
  })

  it('takes properties over data when both are sent', () => {
    const { store } = setup()
    const out = createRecord(store, { label: 'P', data: { ignored: 1 }, properties: [{ name: 'used', type: 'number', value: 2 }] })
    expect(read(store, out.__id)).toMatchObject({ __proptypes: { used: 'number' }, used: 2 })
    expect(read(store, out.__id)).not.toHaveProperty('ignored')
  })

  it.each([
    [[{ name: 'v', type: 'vector', value: [1, 2] }], '"properties[0].type" must be one of [string, datetime, boolean, number, null]'],
    [[{ name: 'd', type: 'datetime', value: '2024-01-01' }], '"properties[0].value" with value "2024-01-01" fails to match ISO8601 DateTime'],
    [[{ name: 'n', type: 'number', value: '10' }], '"properties[0].value" must be a number or an array of number values'],
    [[{ name: 'n', type: 'number', value: '1,x', valueSeparator: ',' }], '"properties[0].value[1]" with value "x" is not a number'],
    [[{ name: 'd', type: 'datetime', value: '2024-01-01T00:00:00Z,nope', valueSeparator: ',' }], 'fails to match ISO8601 DateTime'],
    [[{ name: 's', type: 'string', value: null }], '"properties[0].value" must be a string'],
    [[{ type: 'string', value: 'x' }], '"properties[0].name" is required'],
    [[{ name: 'a', type: 'string', value: 'x', metadata: 'm' }], '"properties[0].metadata" must be of type object'],
    [[{ name: 'a', type: 'string', value: 'x', valueSeparator: '' }], '"properties[0].valueSeparator" must be a non-empty string'],
    [[{ name: 'a', type: 'string', value: 'x' }, 'oops'], '"properties[1]" must be of type object'],
    ['nope', '"properties" must be an array']
  ])('rejects %j', (properties, message) => {
    const { db, store } = setup()
    expectRejectedWithoutWrites(db, () => createRecord(store, { label: 'P', properties }), 400, message)
  })

  it('rejects one name with two types', () => {
    const { db, store } = setup()
    const error = expectRejectedWithoutWrites(
      db,
      () =>
        createRecord(store, {
          label: 'P',
          properties: [
            { name: 'a', type: 'string', value: 'x' },
            { name: 'a', type: 'number', value: 1 }
          ]
        }),
      400
    )
    expect(error.message).toBe('Duplicate name found with different types.')
  })
})
