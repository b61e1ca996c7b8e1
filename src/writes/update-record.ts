import type { RushDB } from '@rushdb/javascript-sdk'
import type { RecordShape } from '../builder.js'
import { propertyOf, type TypeMapping } from '../schema/storage-mapping.js'
import { changesRecord, stampChange, writeTime } from './change-stamp.js'
import { globalKeys } from './draft-identity.js'
import { flatValueProblem, propertyNameProblem, typedValue, type Props } from './property-values.js'
import { badInput, inputError, joinPath, notFound, type InputProblem } from './write-errors.js'
import { withTransaction, type TxWriter } from './tx-writer.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Names one record: by id, or by one of its type's keys (`{ customerId: "cust-1" }`). */
export type RecordSelector = Record<string, unknown>

/** The single `[name, value]` a selector gives, checked: exactly one, a non-empty string, a UUID for `id`. */
export function selectorEntry(mapping: TypeMapping, selector: RecordSelector, field: string): [string, string] {
  const ways = ['id', ...globalKeys(mapping)]
  const given = Object.entries(selector).filter(([k, v]) => ways.includes(k) && v !== undefined && v !== null)
  if (given.length !== 1) throw badInput(field, `name the ${mapping.name} by exactly one of ${ways.join(', ')}`)
  const [name, value] = given[0]
  if (typeof value !== 'string' || value.trim() === '') throw badInput(joinPath(field, name), 'must be a non-empty string')
  if (name === 'id' && !UUID.test(value)) throw badInput(joinPath(field, name), `must be a record id (a UUID), got ${JSON.stringify(value)}`)
  return [name, name === 'id' ? value.toLowerCase() : value]
}

/** The one record a selector names; NOT_FOUND when there is none, BAD_USER_INPUT when a key is ambiguous. */
export async function findSelected(writer: TxWriter, mapping: TypeMapping, selector: RecordSelector, field: string): Promise<RecordShape> {
  const [name, value] = selectorEntry(mapping, selector, field)
  const where = name === 'id' ? { $id: value } : { [name]: value }
  const found = await writer.findAll({ labels: [mapping.label], where })
  const at = joinPath(field, name)
  if (found.length === 0) throw notFound(at, `no ${mapping.name} has ${name} ${JSON.stringify(value)}`)
  if (found.length > 1) throw badInput(at, `${found.length} ${mapping.name} records have ${name} ${JSON.stringify(value)}; name it by id`)
  return found[0]
}

/** Validates a patch: declared fields by kind, other properties flat; keys and relations cannot change here. */
export function patchProps(mapping: TypeMapping, patch: Record<string, unknown>, path: string): Props {
  const props: Props = {}
  const problems: InputProblem[] = []
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue
    const at = joinPath(path, key)
    if (key === mapping.naturalKey) problems.push({ path: at, message: `${key} identifies the record and cannot be changed` })
    else if (key in mapping.fields) {
      const typed = typedValue(mapping.fields[key].kind, value)
      if (typed.ok) props[propertyOf(key, mapping.fields[key])] = typed.value
      else problems.push({ path: at, message: typed.problem })
    } else if (key in mapping.relations) problems.push({ path: at, message: `relations change through attach/detach or an import, not a patch` })
    else {
      const problem = propertyNameProblem(key) ?? flatValueProblem(value)
      if (problem) problems.push({ path: at, message: problem })
      else props[key] = value as Props[string]
    }
  }
  if (problems.length > 0) throw inputError(problems)
  if (Object.keys(props).length === 0) throw badInput(path, 'give at least one field to change')
  return props
}

/** Partial update (RushDB PATCH) of one record in a transaction; returns the record as stored. */
export async function updateRecord(db: RushDB, mapping: TypeMapping, selector: RecordSelector, props: Props, field = 'record'): Promise<RecordShape> {
  return withTransaction(db, async (writer) => {
    const record = await findSelected(writer, mapping, selector, field)
    return writer.update(record.__id, mapping.label, changesRecord(props, record) ? stampChange(mapping, props, writeTime()) : props)
  })
}
