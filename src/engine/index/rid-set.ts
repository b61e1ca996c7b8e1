/**
 * A set of record rids as a growable bitmap: rids are small dense integers (SQLite rowids), so
 * a bit per rid makes intersection, union and difference of 100k-element sets a word loop.
 */
export class RidSet {
  private words: Uint32Array
  /** Cached cardinality; -1 when a change made it stale. */
  private count = -1

  constructor(capacityBits = 1024) {
    this.words = new Uint32Array(Math.max(1, Math.ceil(capacityBits / 32)))
  }

  /** A set from a comma-separated list of rids (what SQLite's `group_concat(rid)` returns; null = none). */
  static fromList(text: string | null): RidSet {
    const set = new RidSet()
    if (!text) return set
    let value = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 44) {
        set.add(value)
        value = 0
      } else {
        value = value * 10 + (c - 48)
      }
    }
    set.add(value)
    return set
  }

  /** Adds one rid, growing the bitmap when needed. */
  add(rid: number): void {
    const w = rid >>> 5
    if (w >= this.words.length) this.grow(w + 1)
    this.words[w] |= 1 << (rid & 31)
    this.count = -1
  }

  /** Removes one rid (no-op when absent). */
  delete(rid: number): void {
    const w = rid >>> 5
    if (w < this.words.length) this.words[w] &= ~(1 << (rid & 31))
    this.count = -1
  }

  /** Membership test. */
  has(rid: number): boolean {
    const w = rid >>> 5
    return w < this.words.length && (this.words[w] & (1 << (rid & 31))) !== 0
  }

  /** Number of rids in the set. */
  get size(): number {
    if (this.count < 0) {
      let n = 0
      for (let i = 0; i < this.words.length; i++) n += popcount(this.words[i])
      this.count = n
    }
    return this.count
  }

  /** How many rids fit without growing (to presize a result built from this set). */
  get capacity(): number {
    return this.words.length * 32
  }

  /** A new set: this ∩ other. */
  and(other: RidSet): RidSet {
    const n = Math.min(this.words.length, other.words.length)
    const out = new RidSet(n * 32)
    for (let i = 0; i < n; i++) out.words[i] = this.words[i] & other.words[i]
    return out
  }

  /** A new set: this ∪ other. */
  or(other: RidSet): RidSet {
    const [long, short] = this.words.length >= other.words.length ? [this, other] : [other, this]
    const out = new RidSet(long.words.length * 32)
    out.words.set(long.words)
    for (let i = 0; i < short.words.length; i++) out.words[i] |= short.words[i]
    return out
  }

  /** A new set: this \ other. */
  andNot(other: RidSet): RidSet {
    const out = new RidSet(this.words.length * 32)
    out.words.set(this.words)
    const n = Math.min(this.words.length, other.words.length)
    for (let i = 0; i < n; i++) out.words[i] &= ~other.words[i]
    return out
  }

  /** A new set: rids in an odd number of `sets` (exclusive or, as `$xor` reads it). */
  static xor(sets: RidSet[]): RidSet {
    const len = Math.max(1, ...sets.map((s) => s.words.length))
    const out = new RidSet(len * 32)
    for (const s of sets) for (let i = 0; i < s.words.length; i++) out.words[i] ^= s.words[i]
    return out
  }

  /** Calls `fn` for every rid in ascending order. */
  forEach(fn: (rid: number) => void): void {
    for (let i = 0; i < this.words.length; i++) {
      let word = this.words[i]
      while (word !== 0) {
        const bit = 31 - Math.clz32(word & -word)
        fn(i * 32 + bit)
        word &= word - 1
      }
    }
  }

  /** The `k` smallest rids, ascending, without visiting the rest of the set. */
  first(k: number): number[] {
    const out: number[] = []
    for (let i = 0; i < this.words.length && out.length < k; i++) {
      let word = this.words[i]
      while (word !== 0 && out.length < k) {
        out.push(i * 32 + (31 - Math.clz32(word & -word)))
        word &= word - 1
      }
    }
    return out
  }

  /** The `k` largest rids, descending, without visiting the rest of the set. */
  last(k: number): number[] {
    const out: number[] = []
    for (let i = this.words.length - 1; i >= 0 && out.length < k; i--) {
      let word = this.words[i]
      while (word !== 0 && out.length < k) {
        const bit = 31 - Math.clz32(word)
        out.push(i * 32 + bit)
        word &= ~(1 << bit)
      }
    }
    return out
  }

  /** The rids in ascending order. */
  toArray(): number[] {
    const out: number[] = []
    this.forEach((rid) => out.push(rid))
    return out
  }

  private grow(minWords: number): void {
    const next = new Uint32Array(Math.max(minWords, this.words.length * 2))
    next.set(this.words)
    this.words = next
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
