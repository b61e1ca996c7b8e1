import type { Embedder } from './embedder.js'
import { HashedCharNgramEmbedder } from './hashed-char-ngram-embedder.js'
import { OpenAiEmbedder } from './openai-embedder.js'

/** Which embedder the engine's managed indexes use: the built-in one, or an OpenAI-compatible endpoint. */
export type EmbeddingConfig =
  | { kind: 'builtin' }
  | { kind: 'openai'; url: string; model: string; apiKey?: string; dimensions: number; timeoutMs: number }

/**
 * Reads EMBEDDING_URL, EMBEDDING_MODEL, EMBEDDING_API_KEY, EMBEDDING_DIMENSIONS and
 * EMBEDDING_TIMEOUT_MS; without EMBEDDING_URL the built-in lexical embedder is used. Throws
 * naming the variable when one is missing or invalid.
 */
export function embeddingConfigFrom(env: Record<string, string | undefined>): EmbeddingConfig {
  const url = env.EMBEDDING_URL
  if (!url) return { kind: 'builtin' }
  try {
    new URL(url)
  } catch {
    throw new Error(`EMBEDDING_URL must be a URL such as https://api.openai.com/v1, got "${url}"`)
  }
  const model = env.EMBEDDING_MODEL
  if (!model) throw new Error('EMBEDDING_URL is set but EMBEDDING_MODEL is not: name the embedding model (e.g. text-embedding-3-small)')
  const dimensions = Number(env.EMBEDDING_DIMENSIONS ?? '')
  if (!Number.isInteger(dimensions) || dimensions < 1 || dimensions > 4096) {
    throw new Error(`EMBEDDING_DIMENSIONS must be the model's vector size (1 to 4096), got "${env.EMBEDDING_DIMENSIONS ?? ''}"`)
  }
  const timeoutMs = Number(env.EMBEDDING_TIMEOUT_MS || 30_000)
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new Error(`EMBEDDING_TIMEOUT_MS must be a positive integer, got "${env.EMBEDDING_TIMEOUT_MS}"`)
  return { kind: 'openai', url, model, apiKey: env.EMBEDDING_API_KEY || undefined, dimensions, timeoutMs }
}

/** The embedder a configuration names. */
export function createEmbedder(config: EmbeddingConfig): Embedder {
  if (config.kind === 'builtin') return new HashedCharNgramEmbedder()
  return new OpenAiEmbedder({ url: config.url, model: config.model, apiKey: config.apiKey, dimensions: config.dimensions, timeoutMs: config.timeoutMs })
}
