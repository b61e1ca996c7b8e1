import { defineAggregateFields } from './aggregate-fields.js'
import { defineGroupByFields } from './group-by-fields.js'
import { defineMutations } from './mutations/define-mutations.js'
import { defineRecordInputs } from './record-inputs.js'
import { defineRecordType } from './define-record-type.js'
import { defineRootFields } from './define-root-fields.js'
import type { TypeMapping } from './storage-mapping.js'

/** Options of a record type's registration. */
export interface RegisterOptions {
  /** Generate `import<Plural>` (default true; events have `appendEvents` instead). */
  importMutation?: boolean
}

/** Registers a record type with its inputs, connection types, root fields and mutations. */
export function registerRecordType(mapping: TypeMapping, options: RegisterOptions = {}): TypeMapping {
  defineRecordInputs(mapping)
  defineRecordType(mapping)
  defineRootFields(mapping)
  defineAggregateFields(mapping)
  defineGroupByFields(mapping)
  defineMutations(mapping, { importField: options.importMutation })
  return mapping
}
