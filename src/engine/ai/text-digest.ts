/**
 * A 52-bit digest of a text (two FNV-1a hashes), exact as a SQLite integer: tells whether a
 * record's text changed since it was embedded without storing or comparing the text itself.
 */
export function textDigest(text: string): number {
  let a = 0x811c9dc5
  let b = 0x01000193 ^ text.length
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x5bd1e995)
    b ^= b >>> 15
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff)
}
