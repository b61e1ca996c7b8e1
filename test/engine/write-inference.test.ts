import { describe, expect, it } from 'vitest'
import { createRecord } from '../../src/engine/write/create-record.js'
import { importJson } from '../../src/engine/write/import-json.js'
import { inferDataValue } from '../../src/engine/write/infer-types.js'
import { inferImportValue, isNumeric } from '../../src/engine/write/infer-import-types.js'
import { read, setup, valsOf } from './write-test-helpers.js'

const ISO = '2024-01-01T10:00:00Z'

function createData(data: Record<string, unknown>, options?: Record<string, unknown>) {
  const { db, store } = setup()
  const out = createRecord(store, { label: 'T', data, ...(options ? { options } : {}) })
  return { db, out, stored: read(store, out.__id) }
}

function importOne(data: Record<string, unknown>, options?: Record<string, unknown>) {
  const { db, store } = setup()
  const [out] = importJson(store, { label: 'T', data, ...(options ? { options } : {}) })
  return { db, out, stored: read(store, out.__id) }
}

describe('§3.3 data form scalars', () => {
  it('suggests types when options are absent', () => {
    const { stored, out } = createData({ s: 'hello', d: ISO, dateOnly: '2024-01-01', n: 12.5, b: false, nil: null, empty: '' })
    expect(stored).toEqual({
      __id: out.__id,
      __label: 'T',
      __proptypes: { s: 'string', d: 'datetime', dateOnly: 'string', n: 'number', b: 'boolean', nil: 'null', empty: 'string' },
      s: 'hello',
      d: ISO,
      dateOnly: '2024-01-01',
      n: 12.5,
      b: false,
      nil: null,
      empty: ''
    })
    expect(out).toEqual(stored)
  })

  it('stores every value as a string when options are present without suggestTypes (v1.8 defaulting)', () => {
    const { stored } = createData({ n: 5, b: true, nil: null, d: ISO }, { castNumberArraysToVectors: true })
    expect(stored.__proptypes).toEqual({ n: 'string', b: 'string', nil: 'string', d: 'string' })
    expect([stored.n, stored.b, stored.nil, stored.d]).toEqual(['5', 'true', 'null', ISO])
  })

  it('stores strings with suggestTypes false', () => {
    const { stored } = createData({ n: 5, b: false }, { suggestTypes: false })
    expect(stored.__proptypes).toEqual({ n: 'string', b: 'string' })
    expect([stored.n, stored.b]).toEqual(['5', 'false'])
  })

  it('ignores convertNumericValuesToNumbers in the data form', () => {
    const { stored } = createData({ n: '12' }, { suggestTypes: true, convertNumericValuesToNumbers: true })
    expect(stored.__proptypes.n).toBe('string')
    expect(stored.n).toBe('12')
  })
})

describe('§3.3 data form arrays', () => {
  it('types arrays by their first element', () => {
    const { stored } = createData({ empty: [], s: ['a', 'b'], n: [1, 2], b: [true, false], d: [ISO, 'x'], nil: [null, null] })
    expect(stored.__proptypes).toEqual({ empty: 'string', s: 'string', n: 'number', b: 'boolean', d: 'datetime', nil: 'null' })
    expect([stored.empty, stored.s, stored.n, stored.b, stored.d, stored.nil]).toEqual([[], ['a', 'b'], [1, 2], [true, false], [ISO, 'x'], [null, null]])
  })

  it('makes number arrays vectors only with suggestTypes and castNumberArraysToVectors', () => {
    expect(createData({ v: [0.5, 1] }, { suggestTypes: true, castNumberArraysToVectors: true }).stored).toMatchObject({ __proptypes: { v: 'vector' }, v: [0.5, 1] })
    expect(createData({ v: [0.5, 1] }, { castNumberArraysToVectors: true }).stored).toMatchObject({ __proptypes: { v: 'string' }, v: ['0.5', '1'] })
    expect(createData({ v: ['a'] }, { suggestTypes: true, castNumberArraysToVectors: true }).stored).toMatchObject({ __proptypes: { v: 'string' } })
  })

  it('turns arrays into strings without type suggestion, and inconsistent arrays always', () => {
    expect(createData({ a: [1, 2], e: [] }, { suggestTypes: false }).stored).toMatchObject({ __proptypes: { a: 'string', e: 'string' }, a: ['1', '2'], e: [] })
    expect(inferDataValue([1, 'a', null], { suggestTypes: true })).toEqual({ type: 'string', value: ['1', 'a', 'null'] })
  })
})

describe('§3.3 value rows', () => {
  it('encodes booleans, datetimes, nulls and empty arrays in vals', () => {
    const { db, out } = createData({ b: true, d: ISO, nil: null, e: [], tags: ['x', 'y'] })
    expect(valsOf(db, out.__id)).toEqual([
      { name: 'b', type: 'boolean', pos: 0, v: 1, ts: null },
      { name: 'd', type: 'datetime', pos: 0, v: ISO, ts: Date.UTC(2024, 0, 1, 10) },
      { name: 'e', type: 'string', pos: -1, v: null, ts: null },
      { name: 'nil', type: 'null', pos: 0, v: null, ts: null },
      { name: 'tags', type: 'string', pos: 0, v: 'x', ts: null },
      { name: 'tags', type: 'string', pos: 1, v: 'y', ts: null }
    ])
  })
})

describe('§3.4 import scalars', () => {
  it('suggests types when options are absent, storing null as a real null', () => {
    const { stored } = importOne({ s: 'a', d: ISO, n: 3, b: true, nil: null, num: '12' })
    expect(stored.__proptypes).toEqual({ s: 'string', d: 'datetime', n: 'number', b: 'boolean', nil: 'null', num: 'string' })
    expect([stored.s, stored.d, stored.n, stored.b, stored.nil, stored.num]).toEqual(['a', ISO, 3, true, null, '12'])
  })

  it('stores strings when options are given without suggestTypes', () => {
    const { stored } = importOne({ n: 3, b: true, nil: null, arr: [1, 2] }, { returnResult: true })
    expect(stored.__proptypes).toEqual({ n: 'string', b: 'string', nil: 'string', arr: 'string' })
    expect([stored.n, stored.b, stored.nil, stored.arr]).toEqual(['3', 'true', 'null', ['1', '2']])
  })

  it('converts numeric strings with convertNumericValuesToNumbers', () => {
    const { stored } = importOne({ a: ' 12 ', b: '1e3', c: '0x1A', d: '-0.5', blank: ' ', word: 'x1' }, { suggestTypes: true, convertNumericValuesToNumbers: true })
    expect(stored.__proptypes).toEqual({ a: 'number', b: 'number', c: 'number', d: 'number', blank: 'string', word: 'string' })
    expect([stored.a, stored.b, stored.c, stored.d, stored.blank, stored.word]).toEqual([12, 1000, 26, -0.5, ' ', 'x1'])
  })

  it('isNumeric matches RushDB', () => {
    expect([1, ' 12 ', '1e3', '0x1A', '-0.5'].map(isNumeric)).toEqual([true, true, true, true, true])
    expect(['', ' ', 'abc', null, true, Number.NaN, Infinity].map(isNumeric)).toEqual([false, false, false, false, false, false, false])
  })
})

describe('§3.4 import arrays, in rule order', () => {
  const on = { suggestTypes: true }
  it('1. strings without suggestTypes', () => expect(inferImportValue([1, true, null], {})).toEqual({ type: 'string', value: ['1', 'true', 'null'] }))
  it('2. empty arrays are strings', () => expect(inferImportValue([], on)).toEqual({ type: 'string', value: [] }))
  it('3. vectors from numeric arrays, numeric strings included', () =>
    expect(inferImportValue([1, '2', ' 3 '], { ...on, castNumberArraysToVectors: true })).toEqual({ type: 'vector', value: [1, 2, 3] }))
  it('4. numbers with convertNumericValuesToNumbers', () =>
    expect(inferImportValue(['1', 2], { ...on, convertNumericValuesToNumbers: true })).toEqual({ type: 'number', value: [1, 2] }))
  it('5. mixed, non-numeric arrays become strings', () => expect(inferImportValue([null, 'a'], on)).toEqual({ type: 'string', value: ['null', 'a'] }))
  it('6. a leading null makes a null array', () => expect(inferImportValue([null, null], on)).toEqual({ type: 'null', value: [null, null] }))
  it('7. otherwise kept as is, typed by the first element', () => {
    expect(inferImportValue([1, '2'], on)).toEqual({ type: 'number', value: [1, '2'] })
    expect(inferImportValue([ISO, 'x'], on)).toEqual({ type: 'datetime', value: [ISO, 'x'] })
    expect(inferImportValue([false, true], on)).toEqual({ type: 'boolean', value: [false, true] })
  })

  it('stores imported arrays through the same rules', () => {
    const { stored, db, out } = importOne({ v: [1, 2], e: [], mixed: [1, '2'] }, { suggestTypes: true, castNumberArraysToVectors: true })
    expect(stored).toMatchObject({ __proptypes: { v: 'vector', e: 'string', mixed: 'vector' }, v: [1, 2], e: [], mixed: [1, 2] })
    expect(valsOf(db, out.__id).filter((r) => r.name === 'e')).toEqual([{ name: 'e', type: 'string', pos: -1, v: null, ts: null }])
  })
})
