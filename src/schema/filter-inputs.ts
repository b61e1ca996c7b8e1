import { builder } from '../builder.js'
import type { ScalarKind } from './storage-mapping.js'

const b = builder as any

/** ASC or DESC, for `orderBy`. */
export const SortDirection = builder.enumType('SortDirection', {
  description: 'Sort direction. Missing values sort last ascending and first descending.',
  values: { ASC: { value: 'ASC' }, DESC: { value: 'DESC' } } as const
})

function filterInput(name: string, scalar: string, description: string, ops: { range?: boolean; text?: boolean; list?: boolean }) {
  return b.inputType(name, {
    description,
    fields: (t: any) => ({
      eq: t.field({ type: scalar, description: 'Equal to (null: the property is missing).' }),
      ne: t.field({ type: scalar, description: 'Not equal to; records missing the property never match.' }),
      ...(ops.list !== false
        ? {
            in: t.field({ type: [scalar], description: 'Equal to one of these values.' }),
            notIn: t.field({ type: [scalar], description: 'Equal to none of these; records missing the property never match.' })
          }
        : {}),
      ...(ops.range
        ? {
            gt: t.field({ type: scalar, description: 'Greater than.' }),
            gte: t.field({ type: scalar, description: 'Greater than or equal to.' }),
            lt: t.field({ type: scalar, description: 'Less than.' }),
            lte: t.field({ type: scalar, description: 'Less than or equal to.' })
          }
        : {}),
      ...(ops.text
        ? {
            contains: t.string({ description: 'Contains this text, case-insensitively.' }),
            startsWith: t.string({ description: 'Starts with this text (case-sensitive).' }),
            endsWith: t.string({ description: 'Ends with this text (case-sensitive).' })
          }
        : {}),
      exists: t.boolean({ description: 'true: the property is present; false: it is missing.' })
    })
  })
}

/** Filter input type names per scalar kind. */
export const FILTER_INPUT: Record<ScalarKind, string> = {
  ID: 'IDFilter',
  String: 'StringFilter',
  Email: 'StringFilter',
  StringList: 'StringFilter',
  Int: 'IntFilter',
  Float: 'FloatFilter',
  Money: 'FloatFilter',
  Boolean: 'BooleanFilter',
  DateTime: 'DateTimeFilter'
}

filterInput('IDFilter', 'ID', 'Filter on a record id.', { list: true })
filterInput('StringFilter', 'String', 'Filter on a text property; on a list property, some element must match.', { range: true, text: true })
filterInput('IntFilter', 'Int', 'Filter on an integer property.', { range: true })
filterInput('FloatFilter', 'Float', 'Filter on a number property.', { range: true })
filterInput('BooleanFilter', 'Boolean', 'Filter on a true/false property.', { list: false })
filterInput('DateTimeFilter', 'DateTime', 'Filter on a datetime property; comparisons are chronological.', { range: true })
