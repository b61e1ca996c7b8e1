import type { Embedder } from './embedder.js'

/** Dimensions of the built-in embedder. */
export const HASHED_DIMENSIONS = 384

// Words too common to say anything about a topic; without IDF they would dominate every vector.
const STOPWORDS = new Set(
  'a an and are as at be been but by can do does for from has have i in is it its me my no not of on or our so than that the their them then there these they this to too up us was we were what when which who why will with you your after again all also any before did just more now only over same since some still very'.split(' ')
)

/**
 * The built-in embedder: a LEXICAL embedding, not a language model. Each word and each character
 * trigram of a word (with boundary marks) is hashed (FNV-1a) into one of 384 signed buckets with
 * weight 1 + log(tf), and the vector is L2-normalised, so cosine similarity measures shared words
 * and word pieces ("refund" ~ "refunded"); it knows no synonyms. Deterministic and offline.
 */
export class HashedCharNgramEmbedder implements Embedder {
  readonly key = `hashed-char-ngram-${HASHED_DIMENSIONS}`
  readonly dimensions = HASHED_DIMENSIONS

  /** Embeds each text; never fails. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => embedText(t, this.dimensions))
  }
}

/** The features of a text with their counts: words (weight 1) and word trigrams (weight 0.5 each). */
export function textFeatures(text: string): Map<string, number> {
  const features = new Map<string, number>()
  const add = (f: string, w: number) => features.set(f, (features.get(f) ?? 0) + w)
  for (const word of tokenize(text)) {
    add(`w:${word}`, 1)
    const marked = `<${word}>`
    for (let i = 0; i + 3 <= marked.length; i++) add(`g:${marked.slice(i, i + 3)}`, 0.5)
  }
  return features
}

/** Lower-cased alphanumeric words without stopwords (shared with the keyword baseline). */
export function tokenize(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w))
}

function embedText(text: string, dimensions: number): Float32Array {
  const vector = new Float32Array(dimensions)
  for (const [feature, count] of textFeatures(text)) {
    const h = fnv1a(feature)
    const sign = h & 0x80000000 ? -1 : 1
    vector[h % dimensions] += sign * (1 + Math.log(1 + count))
  }
  let norm = 0
  for (const x of vector) norm += x * x
  norm = Math.sqrt(norm)
  if (norm > 0) for (let i = 0; i < dimensions; i++) vector[i] /= norm
  return vector
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
