import { createHash } from 'node:crypto'

/**
 * The id of RushDB's property node for (name, type). Derived rather than stored: the same pair
 * always has the same id, and a property with no values left simply stops being listed.
 */
export function propertyId(name: string, type: string): string {
  const h = createHash('sha1').update(`${name}\u0000${type}`).digest('hex')
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
}
