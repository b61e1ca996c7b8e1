import { defineRecordInputs } from './record-inputs.js'
import { defineRecordType } from './define-record-type.js'
import { defineRootFields } from './define-root-fields.js'
import type { TypeMapping } from './storage-mapping.js'

/** Registers a record type with its inputs, connection types and root fields. */
export function registerRecordType(mapping: TypeMapping): TypeMapping {
  defineRecordInputs(mapping)
  defineRecordType(mapping)
  defineRootFields(mapping)
  return mapping
}
