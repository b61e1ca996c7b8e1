import type Database from 'better-sqlite3'
import { badRequest, EngineError, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { changeHead, changesBetween, type ChangePosition } from '../index/change-feed.js'
import type { Embedder } from './embedder.js'
import { textDigest } from './text-digest.js'

/** The life of a managed index: embedding what is pending, everything embedded, or the provider failed. */
export type IndexStatus = 'building' | 'ready' | 'failed'

/** A stored index row. */
export interface IndexRow {
  id: string
  label: string
  property: string
  model_key: string
  dimensions: number
  similarity: string
  status: IndexStatus
  failed: number
  last_error: string | null
  created_at: string
  updated_at: string
}

/** An index as the REST API returns it (RushDB's index row, plus counts). */
export interface IndexOut {
  id: string
  label: string
  propertyName: string
  modelKey: string
  sourceType: 'managed'
  similarityFunction: string
  dimensions: number
  enabled: true
  status: IndexStatus
  /** Records of the label with a non-empty text value in the property. */
  total: number
  /** Of those, records whose current text has a vector. */
  indexed: number
  pending: number
  /** Records whose embedding failed in the last failed pass. */
  failed: number
  lastError: string | null
  createdAt: string
  updatedAt: string
}

// The text of a record for an index: its property's string value (first element of a list).
const TEXT_ROWS = `FROM vals v JOIN records r ON r.rid = v.rid AND r.label = @label
  WHERE v.name = @property AND v.type = 'string' AND v.pos = 0 AND v.v IS NOT NULL AND v.v <> ''`

/** SQL over `ai_indexes` and `ai_vectors`; callers own transactions and locking. */
export class IndexStore {
  constructor(private readonly db: Database.Database) {}

  /** Every index, oldest first. */
  list(): IndexRow[] {
    return this.db.prepare('SELECT * FROM ai_indexes ORDER BY created_at, id').all() as IndexRow[]
  }

  /** One index, or a 404. */
  get(id: string): IndexRow {
    const row = this.db.prepare('SELECT * FROM ai_indexes WHERE id = ?').get(id) as IndexRow | undefined
    if (!row) throw notFound(`Embedding index ${id} not found`)
    return row
  }

  /** The index of `label.property` for the current model, if any. */
  find(label: string, property: string, modelKey: string): IndexRow | undefined {
    return this.db.prepare('SELECT * FROM ai_indexes WHERE label = ? AND property = ? AND model_key = ?').get(label, property, modelKey) as IndexRow | undefined
  }

  /** Creates an index in `building` state; 409 when the label and property already have one for this model. */
  create(label: string, property: string, embedder: Embedder): IndexRow {
    if (this.find(label, property, embedder.key)) throw new EngineError(409, `An embedding index on ${label}.${property} already exists`)
    const now = new Date().toISOString()
    const id = newId()
    this.db
      .prepare('INSERT INTO ai_indexes (id, label, property, model_key, dimensions, similarity, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, label, property, embedder.key, embedder.dimensions, 'cosine', 'building', now, now)
    return this.get(id)
  }

  /** Drops an index and its vectors. */
  drop(id: string): void {
    this.get(id)
    this.db.prepare('DELETE FROM ai_vectors WHERE index_id = ?').run(id)
    this.db.prepare('DELETE FROM ai_indexes WHERE id = ?').run(id)
  }

  /** Sets the state (and the failure, when failed). */
  setStatus(id: string, status: IndexStatus, failure?: { count: number; error: string }): void {
    this.db
      .prepare('UPDATE ai_indexes SET status = ?, failed = ?, last_error = ?, updated_at = ? WHERE id = ? AND (status <> ? OR failed <> ? OR last_error IS NOT ?)')
      .run(status, failure?.count ?? 0, failure?.error ?? null, new Date().toISOString(), id, status, failure?.count ?? 0, failure?.error ?? null)
  }

  /**
   * Up to `limit` records whose current text has no vector (new, or changed since embedded),
   * among `rids` (a JSON array) when given, else among all.
   */
  pending(index: IndexRow, limit: number, rids?: string): Array<{ rid: number; text: string }> {
    const among = rids === undefined ? '' : ' AND v.rid IN (SELECT value FROM json_each(@rids))'
    return this.db
      .prepare(`SELECT v.rid AS rid, v.v AS text ${TEXT_ROWS}${among} AND NOT EXISTS (SELECT 1 FROM ai_vectors a WHERE a.index_id = @id AND a.rid = v.rid AND a.digest = ai_text_digest(v.v)) ORDER BY v.rid LIMIT @limit`)
      .all({ label: index.label, property: index.property, id: index.id, limit, ...(rids === undefined ? {} : { rids }) }) as Array<{ rid: number; text: string }>
  }

  /** Stores vectors (replacing older ones of the same records). */
  saveVectors(indexId: string, rows: Array<{ rid: number; text: string; blob: Buffer }>): void {
    const drop = this.db.prepare('DELETE FROM ai_vectors WHERE index_id = ? AND rid = ?')
    const put = this.db.prepare('INSERT INTO ai_vectors (index_id, rid, digest, vector) VALUES (?, ?, ?, ?)')
    for (const row of rows) {
      drop.run(indexId, row.rid)
      put.run(indexId, row.rid, textDigest(row.text), row.blob)
    }
  }

  /** Drops vectors of records (among `rids` when given) that are gone or no longer have text in the property. */
  prune(index: IndexRow, rids?: string): number {
    const among = rids === undefined ? '' : ' AND rid IN (SELECT value FROM json_each(@rids))'
    return this.db
      .prepare(`DELETE FROM ai_vectors WHERE index_id = @id${among} AND rid NOT IN (SELECT v.rid ${TEXT_ROWS})`)
      .run({ id: index.id, label: index.label, property: index.property, ...(rids === undefined ? {} : { rids }) }).changes
  }

  /**
   * The change feed's position and, when the log is complete since `after` and at most `max`
   * records changed, the records changed since (JSON list of rids).
   */
  changedSince(after: ChangePosition | undefined, max: number): { position: ChangePosition; rids?: string } {
    const position = changeHead(this.db)
    if (after === undefined) return { position }
    const changed = changesBetween(this.db, after, position, max)
    if (changed === undefined) return { position }
    return { position, rids: JSON.stringify([...changed.records]) }
  }

  /** The row with its counts, as the API shows it. */
  describe(index: IndexRow): IndexOut {
    const params = { label: index.label, property: index.property, id: index.id }
    const total = (this.db.prepare(`SELECT COUNT(*) AS n ${TEXT_ROWS}`).get(params) as { n: number }).n
    const indexed = (
      this.db.prepare(`SELECT COUNT(*) AS n ${TEXT_ROWS} AND EXISTS (SELECT 1 FROM ai_vectors a WHERE a.index_id = @id AND a.rid = v.rid AND a.digest = ai_text_digest(v.v))`).get(params) as { n: number }
    ).n
    return {
      id: index.id,
      label: index.label,
      propertyName: index.property,
      modelKey: index.model_key,
      sourceType: 'managed',
      similarityFunction: index.similarity,
      dimensions: index.dimensions,
      enabled: true,
      status: index.status,
      total,
      indexed,
      pending: total - indexed,
      failed: index.failed,
      lastError: index.last_error,
      createdAt: index.created_at,
      updatedAt: index.updated_at
    }
  }
}

/** Checks the create body of `POST /ai/indexes` against what this engine can build. */
export function parseCreateIndex(body: unknown, embedder: Embedder): { label: string; property: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Expected a JSON object {label, propertyName}')
  const b = body as Record<string, unknown>
  const name = (key: string): string => {
    const v = b[key]
    if (typeof v !== 'string' || v.length === 0 || v.length > 100) throw badRequest(`${key} must be a string of 1 to 100 characters`)
    return v
  }
  const label = name('label')
  const property = name('propertyName')
  if (b.sourceType !== undefined && b.sourceType !== 'managed') throw badRequest('sourceType: only "managed" indexes are supported (the engine embeds the text itself)')
  if (b.external !== undefined && b.external !== false) throw badRequest('external indexes are not supported')
  if (b.similarityFunction !== undefined && b.similarityFunction !== 'cosine') throw badRequest('similarityFunction: only "cosine" is supported')
  if (b.dimensions !== undefined && b.dimensions !== embedder.dimensions) {
    throw badRequest(`dimensions: the configured embedder (${embedder.key}) makes ${embedder.dimensions}-dimensional vectors`)
  }
  return { label, property }
}
