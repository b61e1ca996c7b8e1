import { uuidv7 } from 'uuidv7'

/** A new time-ordered record, property or transaction id (UUIDv7, lower case). */
export function newId(): string {
  return uuidv7()
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** True when `value` has the shape of a record id. */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value)
}
