import { EngineError, notFound } from '../errors.js'
import type { DbAccess } from './db-access.js'
import { describeSchema } from './describe-schema.js'
import { EmbeddingError, type Embedder } from './embedder.js'
import { IndexStore, parseCreateIndex } from './index-store.js'
import type { IndexWorker } from './index-worker.js'
import { schemaMarkdown } from './schema-markdown.js'
import { parseVectorSearch, vectorSearch } from './vector-search.js'
import { patternRoutes } from './pattern-routes.js'

/** What an AI route gets. */
export interface AiRouteContext {
  access: DbAccess
  indexes: IndexStore
  worker: IndexWorker
  embedder: Embedder
  params: Record<string, string>
  body: unknown
}

/** One AI endpoint: asynchronous, since embedding calls a provider. */
export interface AiRoute {
  method: string
  pattern: string
  status: number
  handler: (ctx: AiRouteContext) => Promise<unknown>
}

/** Records written since the last pass that a search waits to embed; beyond this it ranks what is embedded. */
const SEARCH_CATCH_UP = 2000

function labelsOf(body: unknown): string[] | undefined {
  const labels = (body as { labels?: unknown } | undefined)?.labels
  if (labels === undefined) return undefined
  if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) throw new EngineError(400, 'labels must be an array of strings')
  return labels
}

/** RushDB 2.x's `/ai/*` endpoints (§9.1–9.3) and the relationship-pattern ones (§9.4). */
export const AI_ROUTES: readonly AiRoute[] = [
  { method: 'POST', pattern: '/ai/schema', status: 200, handler: async (c) => c.access.read(() => describeSchema(c.access.db, labelsOf(c.body))) },
  { method: 'POST', pattern: '/ai/schema/md', status: 200, handler: async (c) => c.access.read(() => schemaMarkdown(describeSchema(c.access.db, labelsOf(c.body)))) },
  { method: 'GET', pattern: '/ai/indexes', status: 200, handler: async (c) => c.access.read(() => c.indexes.list().map((i) => c.indexes.describe(i))) },
  {
    method: 'POST',
    pattern: '/ai/indexes',
    status: 201,
    handler: async (c) => {
      const { label, property } = parseCreateIndex(c.body, c.embedder)
      const row = await c.access.write(() => c.indexes.create(label, property, c.embedder))
      // Described before the back-fill starts, so the answer always shows the work ahead.
      const created = await c.access.read(() => c.indexes.describe(row))
      c.worker.kick()
      return created
    }
  },
  { method: 'GET', pattern: '/ai/indexes/:id', status: 200, handler: async (c) => c.access.read(() => c.indexes.describe(c.indexes.get(c.params.id))) },
  { method: 'GET', pattern: '/ai/indexes/:id/stats', status: 200, handler: async (c) => c.access.read(() => c.indexes.describe(c.indexes.get(c.params.id))) },
  {
    method: 'DELETE',
    pattern: '/ai/indexes/:id',
    status: 200,
    handler: async (c) => {
      await c.access.write(() => c.indexes.drop(c.params.id))
      return { deleted: true }
    }
  },
  { method: 'POST', pattern: '/ai/search', status: 200, handler: searchHandler },
  ...patternRoutes
]

async function searchHandler(c: AiRouteContext): Promise<unknown> {
  const input = parseVectorSearch(c.body)
  const row = await c.access.read(() => c.indexes.find(input.label, input.propertyName, c.embedder.key))
  if (!row) throw notFound(`No embedding index on ${input.label}.${input.propertyName}; create one first`)
  // Read-your-writes: records written just before the search are embedded before it ranks.
  await c.worker.catchUp(SEARCH_CATCH_UP)
  let vector: Float32Array
  try {
    ;[vector] = await c.embedder.embed([input.query])
  } catch (error) {
    if (error instanceof EmbeddingError) throw new EngineError(502, `Embedding the query failed: ${error.message}`)
    throw error
  }
  return c.access.read(() => vectorSearch(c.access.db, c.indexes.get(row.id), input, vector))
}
