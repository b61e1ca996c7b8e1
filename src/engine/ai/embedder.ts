/** Turns texts into vectors; every vector of one embedder has the same length. */
export interface Embedder {
  /** Identifies the model (stored on each index: a different model means a different index). */
  readonly key: string
  readonly dimensions: number
  /** One vector per text, in order. Rejects with an `EmbeddingError` when the provider fails. */
  embed(texts: string[]): Promise<Float32Array[]>
}

/** The embedding provider failed or answered something unusable. */
export class EmbeddingError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EmbeddingError'
  }
}

/** A vector as SQLite stores it (little-endian float32, the layout sqlite-vec reads). */
export function vectorBlob(vector: Float32Array): Buffer {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength)
}
