import type { RushDB } from '@rushdb/javascript-sdk'
import type { RecordShape } from '../builder.js'
import { DEFAULT_RELATION } from '../schema/storage-mapping.js'
import { describe } from './property-values.js'
import { findSelected, type RecordSelector } from './update-record.js'
import type { WriteCatalog } from './write-catalog.js'
import { badInput, joinPath, notFound } from './write-errors.js'
import { withTransaction, type TxWriter } from './tx-writer.js'

/** RushDB puts relationship types into its queries as they are: a name, not arbitrary text. */
const RELATION_TYPE = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One relationship to create or remove: type (RushDB's default when absent) and direction from `from`. */
export interface LinkSpec {
  type?: string | null
  direction?: 'out' | 'in' | null
}

/** Checks a relationship type; returns it, or throws naming `field`. */
export function checkRelationType(type: string, field: string): string {
  if (!RELATION_TYPE.test(type)) throw badInput(field, `must be a relationship type name (letters, digits and _, not starting with a digit, at most 100), got ${describe(type)}`)
  return type
}

/** Resolves `{id}` (any label) or one natural key (`{customerId}`) to the record. */
async function resolveRef(writer: TxWriter, catalog: WriteCatalog, ref: RecordSelector, field: string): Promise<RecordShape> {
  const given = Object.entries(ref).filter(([, v]) => v !== undefined && v !== null)
  if (given.length !== 1) throw badInput(field, 'name the record by exactly one of id or a natural key (customerId, accountId, ...)')
  const [name, value] = given[0]
  if (name === 'id') {
    if (typeof value !== 'string' || !UUID.test(value)) throw badInput(joinPath(field, 'id'), `must be a record id (a UUID), got ${describe(value)}`)
    const [record] = await writer.findAll({ labels: [], where: { $id: value.toLowerCase() } })
    if (!record) throw notFound(joinPath(field, 'id'), `no record has id ${value}`)
    return record
  }
  const mapping = catalog.mappings.find((m) => m.naturalKey === name)
  if (!mapping) throw badInput(joinPath(field, name), `${name} is not a natural key of any record type`)
  return findSelected(writer, mapping, { [name]: value }, field)
}

/**
 * Attaches (or detaches) a relationship between two records named by id or natural key, in one
 * transaction. Attaching is idempotent (RushDB replaces an edge of the same type between the
 * pair); detaching without a type removes every type, without a direction both directions.
 */
export async function linkRecords(
  db: RushDB, catalog: WriteCatalog, from: RecordSelector, to: RecordSelector, spec: LinkSpec, mode: 'attach' | 'detach'
): Promise<{ from: RecordShape; to: RecordShape; type: string | null; direction: 'out' | 'in' | null }> {
  const type = spec.type === undefined || spec.type === null ? null : checkRelationType(spec.type, 'type')
  return withTransaction(db, async (writer) => {
    const source = await resolveRef(writer, catalog, from, 'from')
    const target = await resolveRef(writer, catalog, to, 'to')
    if (mode === 'attach') {
      const direction = spec.direction ?? 'out'
      await writer.attach(source.__id, [target.__id], { type: type ?? DEFAULT_RELATION, direction })
      return { from: source, to: target, type: type ?? DEFAULT_RELATION, direction }
    }
    await writer.detach(source.__id, [target.__id], type ? [type] : undefined, spec.direction ?? undefined)
    return { from: source, to: target, type, direction: spec.direction ?? null }
  })
}
