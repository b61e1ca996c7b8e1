import type { RushDB, Transaction } from '@rushdb/javascript-sdk'
import type { RecordShape } from '../builder.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import { translateBackendError } from '../rushdb/translate-error.js'
import type { Props } from './property-values.js'
import type { WriteEdge } from './write-catalog.js'
import { DEFAULT_RELATION } from '../schema/storage-mapping.js'

/** RushDB's page-size ceiling: lookups are chunked and paged to stay under it. */
export const PAGE_MAX = 1000

/** Longest a write transaction may stay open (RushDB v1.8 clamps a transaction's ttl to 30 s). */
export const WRITE_TX_TTL_MS = 30_000

/** The SDK calls of one write, all inside one RushDB transaction. */
export class TxWriter {
  constructor(
    readonly db: RushDB,
    readonly tx: Transaction
  ) {}

  /** Every record matching `query`, paging past RushDB's 1,000-record page limit. */
  async findAll(query: GatewaySearchQuery): Promise<RecordShape[]> {
    const out: RecordShape[] = []
    for (let skip = 0; ; skip += PAGE_MAX) {
      const page = await this.call(() => this.db.records.find({ ...query, limit: PAGE_MAX, skip } as never, this.tx))
      for (const r of page.data) out.push(r.data as RecordShape)
      if (page.data.length < PAGE_MAX || (page.total !== undefined && out.length >= page.total)) return out
    }
  }

  /** Creates flat records of one label (or upserts them with `mergeBy`); returns them in input order. */
  async createMany(label: string, data: Props[], mergeBy?: string[]): Promise<RecordShape[]> {
    const options: Record<string, unknown> = { suggestTypes: true, returnResult: true }
    if (mergeBy) Object.assign(options, { mergeBy, mergeStrategy: 'append' })
    const result = await this.call(() => this.db.records.createMany({ label, data, options } as never, this.tx))
    return result.data.map((r) => r.data as RecordShape)
  }

  /** PATCH: merges `data` into the record and returns it. */
  async update(id: string, label: string, data: Props): Promise<RecordShape> {
    const result = await this.call(() => this.db.records.update({ target: id, label, data } as never, this.tx))
    return result.data as RecordShape
  }

  /** Links `source` to each target with `edge` (RushDB replaces an edge of the same type, so it never duplicates). */
  async attach(source: string, targets: string[], edge: WriteEdge): Promise<void> {
    const options = { direction: edge.direction, ...(edge.type === DEFAULT_RELATION ? {} : { type: edge.type }) }
    await this.call(() => this.db.records.attach({ source, target: targets, options }, this.tx))
  }

  /** Removes edges between `source` and each target: of `types` (all when absent), in `direction` (both when absent). */
  async detach(source: string, targets: string[], types?: string[], direction?: 'in' | 'out'): Promise<void> {
    const options = { ...(types ? { typeOrTypes: types } : {}), ...(direction ? { direction } : {}) }
    await this.call(() => this.db.records.detach({ source, target: targets, options }, this.tx))
  }

  /** How many records match (one record is fetched; RushDB counts the rest). */
  async count(query: GatewaySearchQuery): Promise<number> {
    const page = await this.call(() => this.db.records.find({ ...query, limit: 1, skip: 0 } as never, this.tx))
    return page.total ?? page.data.length
  }

  /** Runs one SDK call, translating its failure once (storage rejected it, or is unavailable). */
  async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn()
    } catch (error) {
      throw translateBackendError(error)
    }
  }
}

/**
 * Runs `fn` in one RushDB transaction: committed when it returns, rolled back when it throws, so a
 * rejected write leaves the graph as it was.
 */
export async function withTransaction<T>(db: RushDB, fn: (writer: TxWriter) => Promise<T>): Promise<T> {
  let tx: Transaction
  try {
    tx = await db.tx.begin({ ttl: WRITE_TX_TTL_MS })
  } catch (error) {
    throw translateBackendError(error)
  }
  let result: T
  try {
    result = await fn(new TxWriter(db, tx))
  } catch (error) {
    await db.tx.rollback(tx).catch(() => undefined)
    throw error
  }
  try {
    await db.tx.commit(tx)
  } catch (error) {
    throw translateBackendError(error)
  }
  return result
}
