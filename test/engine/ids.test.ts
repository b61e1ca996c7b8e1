import { describe, expect, it } from 'vitest'
import { isRecordId, newId } from '../../src/engine/ids.js'

// Record order by `__id` is served by rid order: ids must come out strictly increasing, as UUIDv7.

describe('newId', () => {
  it('mints distinct, strictly increasing lower-case UUIDv7 ids, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, newId)
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true)
    for (const id of ids) {
      expect(isRecordId(id)).toBe(true)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    // Timestamp prefix: the first 48 bits are the current time in milliseconds.
    const ms = parseInt(ids[0].replace('-', '').slice(0, 12), 16)
    expect(Math.abs(ms - Date.now())).toBeLessThan(60_000)
  })
})
