/** A seeded pseudo-random source: the only randomness the demo generator uses. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** One key of a weight table, proportionally to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K
}

/** mulberry32: tiny, fast, and identical on every platform (unlike Math.random, it takes a seed). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Mixes a seed with a stream number so each account gets an independent, reproducible stream. */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  h = Math.imul(h ^ stream, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Builds an `Rng` over mulberry32 seeded with `seed`. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (weights) => {
      const [keys, cumulative] = weightTable(weights)
      const roll = next() * cumulative[cumulative.length - 1]
      for (let i = 0; i < cumulative.length; i++) if (roll < cumulative[i]) return keys[i] as never
      return keys[keys.length - 1] as never
    }
  }
}

// Weight tables are module constants, so their cumulative sums are computed once per object.
const weightTables = new WeakMap<object, [string[], number[]]>()

function weightTable(weights: Readonly<Record<string, number>>): [string[], number[]] {
  let table = weightTables.get(weights)
  if (!table) {
    const keys = Object.keys(weights)
    let sum = 0
    table = [keys, keys.map((k) => (sum += weights[k]))]
    weightTables.set(weights, table)
  }
  return table
}
