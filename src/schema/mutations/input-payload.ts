import { describe, flatValueProblem } from '../../writes/property-values.js'
import { writeMode, type WriteCatalog } from '../../writes/write-catalog.js'
import { joinPath, type InputProblem } from '../../writes/write-errors.js'
import type { TypeMapping } from '../storage-mapping.js'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Unpacks `properties` into the record: flat values only, never a second value for a key given twice. */
function unpackProperties(out: Record<string, unknown>, properties: unknown, path: string, problems: InputProblem[]): void {
  if (properties === null || properties === undefined) return
  const at = joinPath(path, 'properties')
  if (!isObject(properties)) {
    problems.push({ path: at, message: `must be an object of property values, got ${describe(properties)}` })
    return
  }
  for (const [key, value] of Object.entries(properties)) {
    const keyPath = joinPath(at, key)
    if (key in out) problems.push({ path: keyPath, message: `${key} is also given as a field; give it once` })
    else {
      const problem = flatValueProblem(value)
      if (problem) problems.push({ path: keyPath, message: `${problem} (nested records go through importRecords or a relation field)` })
      else out[key] = value
    }
  }
}

/**
 * Turns a typed GraphQL input (`CustomerInput`, nested inputs included) into the plain payload the
 * write path reads — the same shape a JSON import file has — with `properties` unpacked.
 */
export function inputToPayload(catalog: WriteCatalog, mapping: TypeMapping, input: Record<string, unknown>, path: string, problems: InputProblem[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(input)) {
    if (key === 'properties' || value === undefined) continue
    const relation = mapping.relations[key]
    if (!relation || writeMode(relation) === 'ref' || value === null) {
      out[key] = value
      continue
    }
    const target = catalog.byName(relation.target)
    out[key] = Array.isArray(value)
      ? value.map((item, i) => inputToPayload(catalog, target, item as Record<string, unknown>, joinPath(joinPath(path, key), i), problems))
      : inputToPayload(catalog, target, value as Record<string, unknown>, joinPath(path, key), problems)
  }
  unpackProperties(out, input.properties, path, problems)
  return out
}
