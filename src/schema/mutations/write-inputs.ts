import { builder } from '../../builder.js'
import { writeMode } from '../../writes/write-catalog.js'
import { SCALAR_TYPE } from '../scalar-types.js'
import type { TypeMapping } from '../storage-mapping.js'

const b = builder as any

const PROPERTIES_DESCRIPTION =
  'More properties, stored as given next to the typed ones (a new source needs no schema change): flat values only — strings, numbers, booleans, null, or lists of one kind. Read them back through `properties`.'

/** True when a type is always written with its own key (it cannot be matched inside a parent). */
export function keyRequired(mapping: TypeMapping): boolean {
  return !!mapping.naturalKey && !mapping.alternateKeys?.length && !Object.values(mapping.relations).some((r) => writeMode(r) === 'ref')
}

function identityNote(mapping: TypeMapping): string {
  const keys = [mapping.naturalKey, ...(mapping.alternateKeys ?? [])].filter(Boolean)
  const scoped = mapping.matchBy?.length ? `by ${mapping.matchBy.join(' and ')}` : 'by identical content'
  if (keys.length === 0) return `Matched within the record it belongs to, ${scoped}.`
  if (keyRequired(mapping)) return `Matched by ${keys.join(' or ')}: sending it again updates it in place.`
  return `Matched by ${keys.join(', then ')}; without it, within the record it belongs to, ${scoped}.`
}

/** Registers `<Type>Input` (create or update, with nested related records), `<Type>Patch` and `<Type>Ref`. */
export function defineWriteInputs(mapping: TypeMapping): void {
  const { name } = mapping
  b.inputType(`${name}Input`, {
    description: `A ${name} to create or update. ${identityNote(mapping)} Fields left out keep their stored value; null clears one.`,
    fields: (t: any) => {
      const fields: Record<string, unknown> = {}
      for (const [field, m] of Object.entries(mapping.fields)) {
        const required = field === mapping.naturalKey && keyRequired(mapping)
        fields[field] = t.field({ type: SCALAR_TYPE[m.kind], required, description: m.description })
      }
      fields.properties = t.field({ type: 'JSON', description: PROPERTIES_DESCRIPTION })
      for (const [field, relation] of Object.entries(mapping.relations)) {
        if (writeMode(relation) === 'ref') {
          fields[field] = t.field({ type: `${relation.target}Ref`, description: `The existing ${relation.target} it belongs to (linked, never created here).` })
        } else {
          const type = relation.cardinality === 'many' ? [`${relation.target}Input`] : `${relation.target}Input`
          fields[field] = t.field({ type, description: `${relation.description} Created or updated with it and linked to it.` })
        }
      }
      return fields
    }
  })
  b.inputType(`${name}Patch`, {
    description: `A partial update of a ${name}: only the fields given change (null clears one).`,
    fields: (t: any) => {
      const fields: Record<string, unknown> = {}
      for (const [field, m] of Object.entries(mapping.fields)) {
        if (field !== mapping.naturalKey) fields[field] = t.field({ type: SCALAR_TYPE[m.kind], description: m.description })
      }
      fields.properties = t.field({ type: 'JSON', description: PROPERTIES_DESCRIPTION })
      return fields
    }
  })
  b.inputType(`${name}Ref`, {
    description: `An existing ${name}, named by exactly one of its id${mapping.naturalKey ? ` or ${[mapping.naturalKey, ...(mapping.alternateKeys ?? [])].join(' or ')}` : ''}.`,
    fields: (t: any) => {
      const fields: Record<string, unknown> = { id: t.id({ description: 'The record id.' }) }
      for (const key of [mapping.naturalKey, ...(mapping.alternateKeys ?? [])]) {
        if (key) fields[key] = t.string({ description: `The ${key}.` })
      }
      return fields
    }
  })
}
