import { GraphQLError } from 'graphql'
import type { BackendProfile } from '../rushdb/backend-profile.js'
import type { ScalarKind } from '../schema/storage-mapping.js'

/** The operators of a scalar filter input (`{ eq, ne, in, notIn, gt, … }`). */
export interface ScalarFilter {
  eq?: unknown
  ne?: unknown
  in?: unknown[]
  notIn?: unknown[]
  gt?: unknown
  gte?: unknown
  lt?: unknown
  lte?: unknown
  contains?: string
  startsWith?: string
  endsWith?: string
  exists?: boolean
}

const RANGE: Record<string, string> = { gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' }
const TEXT: Record<string, string> = { contains: '$contains', startsWith: '$startsWith', endsWith: '$endsWith' }
const TEXT_KINDS: ReadonlySet<ScalarKind> = new Set(['String', 'Email', 'StringList'])

/** RushDB compares only numbers and datetimes by range; a text range needs the engine's extension. */
function textRangeUnsupported(op: string): GraphQLError {
  return new GraphQLError(`${op} on a text field needs the embedded engine: RushDB compares only numbers and datetimes by range; use eq, in or startsWith`, {
    extensions: { code: 'BAD_USER_INPUT' }
  })
}

function toStored(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value
}

/** An exact instant: datetimes are stored in their original text, so equality is a closed range. */
function instant(value: unknown): Record<string, unknown> {
  const iso = toStored(value)
  return { $gte: iso, $lte: iso }
}

/**
 * Compiles one field's filter into the value of a RushDB `where` key. Operators combine with AND;
 * datetime equality is chronological (the same instant written with another offset matches).
 */
export function compileScalarFilter(filter: ScalarFilter, kind: ScalarKind, profile: BackendProfile): unknown {
  const conditions: unknown[] = []
  const ops: Record<string, unknown> = {}
  const isDate = kind === 'DateTime'
  for (const [op, raw] of Object.entries(filter)) {
    if (raw === undefined) continue
    if (op === 'eq') {
      if (raw === null) ops.$exists = false
      else conditions.push(isDate ? instant(raw) : toStored(raw))
    } else if (op === 'ne') {
      if (raw === null) ops.$exists = true
      else if (isDate) conditions.push({ $or: [{ $lt: toStored(raw) }, { $gt: toStored(raw) }] })
      else ops.$ne = toStored(raw)
    } else if (op === 'in' || op === 'notIn') {
      const values = (raw as unknown[]).map(toStored)
      // An empty `in` matches nothing and an empty `notIn` excludes nothing; RushDB rejects empty lists.
      if (values.length === 0) {
        if (op === 'in') conditions.push({ $and: [{ $exists: true }, { $exists: false }] })
      } else if (isDate) conditions.push(op === 'in' ? { $or: values.map(instant) } : { $not: { $or: values.map(instant) } })
      else ops[op === 'in' ? '$in' : '$nin'] = values
    } else if (op in RANGE) {
      if (TEXT_KINDS.has(kind) && !profile.stringRanges) throw textRangeUnsupported(op)
      ops[RANGE[op]] = toStored(raw)
    }
    else if (op in TEXT) ops[TEXT[op]] = raw
    else if (op === 'exists') ops.$exists = raw
  }
  if (Object.keys(ops).length > 0) conditions.push(ops)
  if (conditions.length === 1) return conditions[0]
  return { $and: conditions }
}
