import { builder } from '../builder.js'
import { FILTER_INPUT } from './filter-inputs.js'
import type { TypeMapping } from './storage-mapping.js'

const b = builder as any

/** Registers `<Type>Where`, `<Type>RelationFilter` and `<Type>OrderBy` for a record type. */
export function defineRecordInputs(mapping: TypeMapping): void {
  const { name } = mapping
  b.inputType(`${name}Where`, {
    description: `Filter ${name} records. Fields combine with AND; every relation field takes some/none/all.`,
    fields: (t: any) => {
      const fields: Record<string, unknown> = {
        id: t.field({ type: 'IDFilter', description: 'The record id.' }),
        AND: t.field({ type: [`${name}Where`], description: 'All of these filters.' }),
        OR: t.field({ type: [`${name}Where`], description: 'Any of these filters.' }),
        NOT: t.field({ type: `${name}Where`, description: 'Not this filter.' })
      }
      for (const [field, m] of Object.entries(mapping.fields)) {
        if (m.filterable === false) continue
        fields[field] = t.field({ type: FILTER_INPUT[m.kind], description: m.description })
      }
      for (const [field, r] of Object.entries(mapping.relations)) {
        fields[field] = t.field({ type: `${r.target}RelationFilter`, description: `Filter by related ${r.target} records: ${r.description}` })
      }
      return fields
    }
  })
  b.inputType(`${name}RelationFilter`, {
    description: `Quantifies over related ${name} records.`,
    fields: (t: any) => ({
      some: t.field({ type: `${name}Where`, description: `At least one related ${name} matches ({} = at least one exists).` }),
      none: t.field({ type: `${name}Where`, description: `No related ${name} matches ({} = none exists).` }),
      all: t.field({ type: `${name}Where`, description: `Every related ${name} matches (true when there is none).` })
    })
  })
  b.inputType(`${name}OrderBy`, {
    description: `Sort ${name} records by one field; pass a list for several keys. Ties are broken by id.`,
    fields: (t: any) => {
      const fields: Record<string, unknown> = { id: t.field({ type: 'SortDirection', description: 'Creation order (ids are time-ordered).' }) }
      for (const [field, m] of Object.entries(mapping.fields)) {
        if (m.filterable !== false && m.kind !== 'StringList') fields[field] = t.field({ type: 'SortDirection', description: m.description })
      }
      return fields
    }
  })
}
