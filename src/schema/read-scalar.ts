import { EmailAddressResolver } from 'graphql-scalars'
import type { ScalarKind } from './storage-mapping.js'

function isEmail(value: string): boolean {
  try {
    EmailAddressResolver.serialize(value)
    return true
  } catch {
    return false
  }
}

/**
 * Reads a property as a typed field. Typed fields are a view: a value of another type (a new source
 * writing `"12"` where a number is expected) is converted when that is lossless and null otherwise;
 * the raw value stays readable in `properties`.
 */
export function readScalar(value: unknown, kind: ScalarKind): unknown {
  if (value === null || value === undefined) return null
  switch (kind) {
    case 'ID':
    case 'String':
      return Array.isArray(value) ? value.join(', ') : String(value)
    case 'StringList':
      return (Array.isArray(value) ? value : [value]).map(String)
    case 'Int': {
      const n = typeof value === 'number' ? value : Number(value)
      return Number.isFinite(n) ? Math.trunc(n) : null
    }
    case 'Float':
    case 'Money': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
      return Number.isFinite(n) ? n : null
    }
    case 'Boolean':
      return typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : null
    case 'DateTime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : null
    case 'Email':
      return typeof value === 'string' && isEmail(value) ? value : null
  }
}
