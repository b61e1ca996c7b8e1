import type Database from 'better-sqlite3'
import * as sqliteVec from 'sqlite-vec'
import { textDigest } from './text-digest.js'

/**
 * Gives a connection `ai_text_digest(text)` and `vec_distance_cosine(a, b)` over float32 BLOBs: sqlite-vec's native
 * function when its binary loads on this platform, otherwise the same function in JS (slower,
 * same answers), so searches never depend on the prebuilt binary being there.
 */
export function loadVectorFunctions(db: Database.Database): 'sqlite-vec' | 'js' {
  db.function('ai_text_digest', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? textDigest(text) : null))
  try {
    sqliteVec.load(db)
    return 'sqlite-vec'
  } catch {
    db.function('vec_distance_cosine', { deterministic: true }, (a: unknown, b: unknown) => cosineDistance(a as Buffer, b as Buffer))
    return 'js'
  }
}

/** 1 − cosine similarity of two float32 BLOBs of the same length. */
export function cosineDistance(a: Buffer, b: Buffer): number {
  const x = new Float32Array(a.buffer, a.byteOffset, a.byteLength / 4)
  const y = new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4)
  if (x.length !== y.length) throw new Error('vector dimensions differ')
  let dot = 0
  let nx = 0
  let ny = 0
  for (let i = 0; i < x.length; i++) {
    dot += x[i] * y[i]
    nx += x[i] * x[i]
    ny += y[i] * y[i]
  }
  return nx === 0 || ny === 0 ? 1 : 1 - dot / Math.sqrt(nx * ny)
}
