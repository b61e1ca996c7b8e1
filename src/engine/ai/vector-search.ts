import type Database from 'better-sqlite3'
import { badRequest, EngineError } from '../errors.js'
import { compileRootFilter } from '../query/compile-filter.js'
import { sql } from '../query/sql-fragment.js'
import { hydrateRecord, type RecordRow } from '../storage/record-store.js'
import type { RecordOut } from '../types.js'
import { vectorBlob } from './embedder.js'
import type { IndexRow } from './index-store.js'

/** A checked `POST /ai/search` body. */
export interface VectorSearchInput {
  label: string
  propertyName: string
  query: string
  where?: Record<string, unknown>
  limit: number
  skip: number
}

/** Largest page of a semantic search. */
export const MAX_SEARCH_LIMIT = 1000

/** Checks the body of `POST /ai/search` (RushDB §9.3: `query` text only; `queryVector` is not accepted by managed indexes here). */
export function parseVectorSearch(body: unknown): VectorSearchInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Expected a JSON object {labels, propertyName, query}')
  const b = body as Record<string, unknown>
  if (!Array.isArray(b.labels) || b.labels.length === 0 || typeof b.labels[0] !== 'string') throw badRequest('labels: one label is required (the first picks the index)')
  if (typeof b.propertyName !== 'string' || b.propertyName === '') throw badRequest('propertyName is required')
  if (b.query !== undefined && b.queryVector !== undefined) throw new EngineError(422, 'Give either query or queryVector, not both')
  if (b.queryVector !== undefined) throw badRequest('queryVector: managed indexes are searched by text; send query')
  if (typeof b.query !== 'string' || b.query.trim() === '') throw badRequest('query must be a non-empty string')
  if (b.query.length > 10_000) throw badRequest('query must be at most 10000 characters')
  if (b.where !== undefined && (typeof b.where !== 'object' || b.where === null || Array.isArray(b.where))) throw badRequest('where must be an object')
  const limit = b.limit === undefined ? 20 : b.limit
  const skip = b.skip === undefined ? 0 : b.skip
  if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > MAX_SEARCH_LIMIT) throw badRequest(`limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}`)
  if (!Number.isInteger(skip) || (skip as number) < 0) throw badRequest('skip must be a non-negative integer')
  return { label: b.labels[0], propertyName: b.propertyName, query: b.query, where: b.where as Record<string, unknown> | undefined, limit: limit as number, skip: skip as number }
}

/**
 * Ranks the records of an index by cosine similarity to `vector`, among those matching the exact
 * `where` (compiled by the same compiler as `/records/search`, related blocks included): one SQL
 * statement, with sqlite-vec's distance over the float32 BLOBs. Only vectors of the records'
 * current text count: the best rows are checked against the text's digest (a vector is stale
 * only between a write and the next embedding pass, so the check runs on a page, not the label).
 * Records come back whole with `__score` (1 − cosine distance).
 */
export function vectorSearch(db: Database.Database, index: IndexRow, input: VectorSearchInput, vector: Float32Array): Array<RecordOut & { __score: number }> {
  const { where } = compileRootFilter({ labels: [index.label], where: input.where })
  const statement = sql(
    `SELECT r.rid, r.id, r.label, r.props, r.proptypes, a.digest, 1 - vec_distance_cosine(a.vector, ?) AS score
     FROM ai_vectors a JOIN records r ON r.rid = a.rid
     WHERE a.index_id = ? AND `,
    where,
    ' ORDER BY score DESC, r.rid LIMIT ?'
  )
  const ranked = db.prepare(statement.sql)
  const fresh = db.prepare(
    `SELECT ai_text_digest(v) AS digest FROM vals WHERE rid = ? AND name = ? AND type = 'string' AND pos = 0 AND v IS NOT NULL AND v <> ''`
  )
  const needed = input.skip + input.limit
  for (let take = needed + 16; ; take *= 4) {
    const rows = ranked.all(vectorBlob(vector), index.id, ...statement.params, take) as Array<RecordRow & { score: number; digest: number }>
    const current = rows.filter((row) => (fresh.get(row.rid, index.property) as { digest: number } | undefined)?.digest === row.digest)
    if (current.length >= needed || rows.length < take) {
      return current.slice(input.skip, needed).map((row) => ({ ...hydrateRecord(row), __score: Math.round(row.score * 1e6) / 1e6 }))
    }
  }
}
