import { tokenize } from '../../src/engine/ai/hashed-char-ngram-embedder.js'

/**
 * The plain keyword baseline: BM25 (k1 1.2, b 0.75) over the same words the built-in embedder
 * sees (lower-cased, stopwords removed), exact word matches only.
 */
export class KeywordBaseline {
  private readonly docs: Array<{ id: string; tf: Map<string, number>; length: number }>
  private readonly df = new Map<string, number>()
  private readonly avgLength: number

  constructor(texts: Array<{ id: string; text: string }>) {
    this.docs = texts.map(({ id, text }) => {
      const words = tokenize(text)
      const tf = new Map<string, number>()
      for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1)
      for (const w of tf.keys()) this.df.set(w, (this.df.get(w) ?? 0) + 1)
      return { id, tf, length: words.length }
    })
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length)
  }

  /** Ids of the `limit` best documents (score > 0), best first, ties by id. */
  search(query: string, limit: number): string[] {
    const terms = [...new Set(tokenize(query))]
    const n = this.docs.length
    const scored: Array<{ id: string; score: number }> = []
    for (const doc of this.docs) {
      let score = 0
      for (const term of terms) {
        const f = doc.tf.get(term)
        if (!f) continue
        const df = this.df.get(term)!
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5))
        score += (idf * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * doc.length) / this.avgLength))
      }
      if (score > 0) scored.push({ id: doc.id, score })
    }
    scored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    return scored.slice(0, limit).map((s) => s.id)
  }
}
