import { getRandomValues } from 'node:crypto'
import { V7Generator } from 'uuidv7'

/**
 * Cryptographic random words drawn a kilobyte at a time: the library's default refills 32 bytes
 * per call, a native call every few ids, which showed in bulk-import profiles.
 */
class PooledRandom {
  private readonly pool = new Uint32Array(256)
  private cursor = this.pool.length

  nextUint32(): number {
    if (this.cursor === this.pool.length) {
      getRandomValues(this.pool)
      this.cursor = 0
    }
    return this.pool[this.cursor++]
  }
}

// One generator for the process, so ids stay monotonic (the library's own guarantee per generator).
const generator = new V7Generator(new PooledRandom())

/** A new time-ordered record, property or transaction id (UUIDv7, lower case). */
export function newId(): string {
  return generator.generate().toString()
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** True when `value` has the shape of a record id. */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}
