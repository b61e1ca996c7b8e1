import { EmbeddingError, type Embedder } from './embedder.js'

/** Where an OpenAI-compatible embeddings endpoint is and which model to ask for. */
export interface OpenAiEmbedderOptions {
  /** Base URL, e.g. `https://api.openai.com/v1`; `/embeddings` is appended. */
  url: string
  model: string
  apiKey?: string
  dimensions: number
  timeoutMs?: number
  /** Texts per request. */
  batchSize?: number
  fetch?: typeof fetch
}

/**
 * An embedder calling an OpenAI-compatible `POST /embeddings` (`{model, input: string[]}` →
 * `{data: [{index, embedding}]}`). Any HTTP error, timeout, malformed answer or vector of the
 * wrong length is an `EmbeddingError` naming the cause.
 */
export class OpenAiEmbedder implements Embedder {
  readonly key: string
  readonly dimensions: number

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.key = `openai:${options.model}`
    this.dimensions = options.dimensions
  }

  /** Embeds texts in batches of `batchSize`. */
  async embed(texts: string[]): Promise<Float32Array[]> {
    const size = this.options.batchSize ?? 64
    const out: Float32Array[] = []
    for (let i = 0; i < texts.length; i += size) out.push(...(await this.request(texts.slice(i, i + size))))
    return out
  }

  private async request(input: string[]): Promise<Float32Array[]> {
    const url = `${this.options.url.replace(/\/+$/, '')}/embeddings`
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`
    let response: Response
    try {
      response = await (this.options.fetch ?? fetch)(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.options.model, input }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000)
      })
    } catch (error) {
      throw new EmbeddingError(`embedding provider at ${url} did not answer: ${(error as Error).message}`)
    }
    if (!response.ok) {
      const text = (await response.text().catch(() => '')).slice(0, 200)
      throw new EmbeddingError(`embedding provider answered HTTP ${response.status}${text ? `: ${text}` : ''}`)
    }
    const body = (await response.json().catch(() => undefined)) as { data?: Array<{ index?: number; embedding?: unknown }> } | undefined
    if (!body || !Array.isArray(body.data) || body.data.length !== input.length) {
      throw new EmbeddingError(`embedding provider answered ${body?.data?.length ?? 'no'} vectors for ${input.length} texts`)
    }
    const sorted = [...body.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
    return sorted.map((item) => {
      const v = item.embedding
      if (!Array.isArray(v) || v.length !== this.dimensions || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
        throw new EmbeddingError(`embedding provider answered a vector that is not ${this.dimensions} finite numbers (set EMBEDDING_DIMENSIONS to the model's size)`)
      }
      return Float32Array.from(v as number[])
    })
  }
}
