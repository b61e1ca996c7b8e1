import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/engine/storage/open-database.js'
import { RecordStore } from '../../src/engine/storage/record-store.js'
import { valueRows } from '../../src/engine/storage/value-rows.js'

// How each kind of value lands in `vals`: filters read these rows, so the encoding is the contract.

describe('vals encoding', () => {
  it('encodes scalars, arrays and empty arrays as the filters expect', () => {
    expect(valueRows('n', 'null', null)).toEqual([{ name: 'n', type: 'null', pos: 0, v: null, ts: null }])
    expect(valueRows('b', 'boolean', [true, false])).toEqual([
      { name: 'b', type: 'boolean', pos: 0, v: 1, ts: null },
      { name: 'b', type: 'boolean', pos: 1, v: 0, ts: null }
    ])
    expect(valueRows('x', 'number', 2.5)).toEqual([{ name: 'x', type: 'number', pos: 0, v: 2.5, ts: null }])
    expect(valueRows('at', 'datetime', ['2026-01-02T03:04:05Z', '2026-01-02T04:04:05+01:00'])).toEqual([
      { name: 'at', type: 'datetime', pos: 0, v: '2026-01-02T03:04:05Z', ts: Date.parse('2026-01-02T03:04:05Z') },
      { name: 'at', type: 'datetime', pos: 1, v: '2026-01-02T04:04:05+01:00', ts: Date.parse('2026-01-02T03:04:05Z') }
    ])
    // A number array typed by a string first element keeps each element's own encoding.
    expect(valueRows('s', 'string', ['a', 2, null])).toEqual([
      { name: 's', type: 'string', pos: 0, v: 'a', ts: null },
      { name: 's', type: 'string', pos: 1, v: 2, ts: null },
      { name: 's', type: 'string', pos: 2, v: null, ts: null }
    ])
    expect(valueRows('e', 'string', [])).toEqual([{ name: 'e', type: 'string', pos: -1, v: null, ts: null }])
  })

  it('writes exactly the rows valueRows describes, for every property with a value', () => {
    const db = openDatabase({ path: ':memory:' })
    const store = new RecordStore(db)
    const props = { name: 'Ada', tags: ['a', 'b'], none: [], at: '2026-01-02T03:04:05Z', ok: true, gone: null }
    const proptypes = { name: 'string', tags: 'string', none: 'string', at: 'datetime', ok: 'boolean', gone: 'null', missing: 'string' } as const
    const { rid } = store.insert({ label: 'X', props, proptypes })
    const stored = db.prepare('SELECT name, type, pos, v, ts FROM vals WHERE rid = ? ORDER BY name, pos').all(rid)
    const expected = Object.entries(props)
      .flatMap(([name, value]) => valueRows(name, proptypes[name as keyof typeof proptypes], value))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.pos - b.pos))
    expect(stored).toEqual(expected)
    expect(stored).toHaveLength(7)
    db.close()
  })
})
