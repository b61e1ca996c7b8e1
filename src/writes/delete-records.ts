import type { RushDB } from '@rushdb/javascript-sdk'
import type { RecordShape } from '../builder.js'
import type { Where } from '../resolvers/search-query.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { badInput, notFound } from './write-errors.js'
import { withTransaction } from './tx-writer.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Guards of a delete by filter. */
export interface DeleteGuard {
  /** Refuse when more records than this match. */
  maxCount: number
  /** Count only; delete nothing. */
  dryRun: boolean
}

/** How many records a delete matched, and whether they are gone. */
export interface DeleteOutcome {
  matched: number
  deleted: number
}

/**
 * Deletes the records of one type matching a compiled filter, with their relationships (related
 * records stay: RushDB does not cascade). Refuses an empty filter, and any match larger than
 * `maxCount`, before deleting anything; counting and deleting share one transaction.
 */
export async function deleteWhere(db: RushDB, mapping: TypeMapping, where: Where, guard: DeleteGuard): Promise<DeleteOutcome> {
  if (Object.keys(where).length === 0) throw badInput('where', `an empty filter would delete every ${mapping.name}; give the filter that names the records to delete`)
  if (!Number.isInteger(guard.maxCount) || guard.maxCount < 1) throw badInput('maxCount', `must be a positive integer, got ${guard.maxCount}`)
  return withTransaction(db, async (writer) => {
    const matched = await writer.count({ labels: [mapping.label], where })
    if (matched > guard.maxCount) {
      throw badInput('maxCount', `${matched} ${mapping.name} records match, more than maxCount (${guard.maxCount}); pass maxCount: ${matched} to delete them all`)
    }
    if (guard.dryRun || matched === 0) return { matched, deleted: 0 }
    await writer.call(() => db.records.delete({ labels: [mapping.label], where } as never, writer.tx))
    return { matched, deleted: matched }
  })
}

/** Deletes one record by id (any label) with its relationships; returns it as it was. NOT_FOUND when absent. */
export async function deleteRecordById(db: RushDB, id: string): Promise<RecordShape> {
  if (!UUID.test(id)) throw badInput('id', `must be a record id (a UUID), got ${JSON.stringify(id)}`)
  return withTransaction(db, async (writer) => {
    const [record] = await writer.findAll({ labels: [], where: { $id: id.toLowerCase() } })
    if (!record) throw notFound('id', `no record has id ${id}`)
    await writer.call(() => db.records.deleteById(record.__id, writer.tx))
    return record
  })
}
