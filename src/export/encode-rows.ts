import type { GraphQLScalarType, GraphQLSchema } from 'graphql'
import type { RecordShape } from '../builder.js'
import { readScalar } from '../schema/read-scalar.js'
import { propertyOf, type TypeMapping } from '../schema/storage-mapping.js'
import type { ExportFormat } from './export-request.js'

/** Turns records into export text: a header (CSV only) and one line per record, same columns as the GraphQL type. */
export interface RowEncoder {
  contentType: string
  header(): string
  line(record: RecordShape): string
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  const text = Array.isArray(value) ? value.join(';') : String(value)
  // RFC 4180 quoting; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * The encoder of a type: columns `id` then every typed field, values as the GraphQL fields give them
 * (datetimes in ISO-8601 UTC through the DateTime scalar, numbers as numbers, missing as empty/null).
 */
export function rowEncoder(schema: GraphQLSchema, mapping: TypeMapping, format: ExportFormat): RowEncoder {
  const dateTime = schema.getType('DateTime') as GraphQLScalarType
  const fields = Object.entries(mapping.fields)
  const values = (record: RecordShape): unknown[] => [
    record.__id,
    ...fields.map(([name, m]) => {
      const value = readScalar(record[propertyOf(name, m)], m.kind)
      if (m.kind !== 'DateTime' || value === null) return value
      const serialized = dateTime.serialize(value)
      return serialized instanceof Date ? serialized.toISOString() : serialized
    })
  ]
  const columns = ['id', ...fields.map(([name]) => name)]
  if (format === 'ndjson') {
    return {
      contentType: 'application/x-ndjson; charset=utf-8',
      header: () => '',
      line: (record) => `${JSON.stringify(Object.fromEntries(values(record).map((v, i) => [columns[i], v ?? null])))}\n`
    }
  }
  return {
    contentType: 'text/csv; charset=utf-8',
    header: () => `${columns.join(',')}\r\n`,
    line: (record) => `${values(record).map(csvCell).join(',')}\r\n`
  }
}
