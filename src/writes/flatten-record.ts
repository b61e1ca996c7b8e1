import { propertyOf, type TypeMapping } from '../schema/storage-mapping.js'
import { describe, flatValueProblem, propertyNameProblem, typedValue, type Props } from './property-values.js'
import { draftIdentity, refDraft } from './draft-identity.js'
import { genericLink, writeMode, type LinkRelation, type WriteCatalog } from './write-catalog.js'
import { joinPath, type InputProblem } from './write-errors.js'
import type { Identity, NodeMode } from './write-plan.js'

/** A record as read from one payload, before records are de-duplicated across payloads. */
export interface Draft {
  label: string
  mapping: TypeMapping | undefined
  props: Props
  mode: NodeMode
  identity: Identity
  path: string
  /** Links to parent records; the first one scopes a `scoped` identity. */
  parents: Array<{ relation: LinkRelation; parent: Draft; path: string }>
}

/** How payloads are read into records. */
export interface FlattenOptions {
  catalog: WriteCatalog
  /** Deepest nesting accepted (the root is level 1). */
  maxDepth: number
  /** Mode of root records (`append` for events). */
  rootMode?: NodeMode
  /** Keys that identify root records of a label the typed schema does not know. */
  mergeBy?: readonly string[]
  /** Upper-case labels taken from payload keys (RushDB's `capitalizeLabels`). */
  capitalizeLabels?: boolean
  /** Relationship type of nested records the typed schema does not know (default: RushDB's default). */
  relationshipType?: string
}

/** Walk state: the drafts so far (parents first) and the problems found. */
interface Walk {
  options: FlattenOptions
  drafts: Draft[]
  problems: InputProblem[]
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Reads one root payload into drafts, parents first (RushDB's nested-JSON semantics with the typed
 * schema on top): declared fields are checked against their kind, relation keys (`tickets` or
 * `SUPPORT_TICKET`) become linked records, references (`customer: {customerId}`) name existing
 * ones, other objects become records labelled by their key. Collects every problem with its path.
 */
export function flattenPayload(
  label: string,
  value: unknown,
  path: string,
  options: FlattenOptions,
  extraParents: Array<{ relation: LinkRelation; parent: Draft; path: string }> = []
): { root: Draft | undefined; drafts: Draft[]; problems: InputProblem[] } {
  const walk: Walk = { options, drafts: [...extraParents.map((p) => p.parent)], problems: [] }
  const root = readRecord(walk, label, value, path, 1, options.rootMode ?? 'upsert', extraParents, [])
  return { root, drafts: walk.drafts, problems: walk.problems }
}

function readRecord(
  walk: Walk,
  label: string,
  value: unknown,
  path: string,
  depth: number,
  mode: NodeMode,
  parents: Draft['parents'],
  ancestors: Draft[]
): Draft | undefined {
  const { options } = walk
  if (depth > options.maxDepth) {
    walk.problems.push({ path, message: `is nested deeper than ${options.maxDepth} levels; send deeper records in a separate write` })
    return undefined
  }
  if (!isObject(value)) {
    walk.problems.push({ path, message: `must be an object (a ${label} record), got ${describe(value)}` })
    return undefined
  }
  const mapping = options.catalog.byLabel(label)
  const draft: Draft = { label, mapping, props: {}, mode, identity: { kind: 'none' }, path, parents: [...parents] }
  walk.drafts.push(draft)
  const nested: Array<() => void> = []
  for (const key of Object.keys(value)) {
    const v = value[key]
    if (v === undefined) continue
    const at = joinPath(path, key)
    if (mapping && key in mapping.fields) readTypedField(walk, draft, mapping, key, v, at)
    else if (mapping && options.catalog.relationFor(mapping, key)) readRelation(walk, draft, mapping, key, v, at, depth, ancestors, nested)
    else if (mapping && foreignKey(options.catalog, mapping, key)) readForeignKey(walk, draft, mapping, foreignKey(options.catalog, mapping, key)!, key, v, at, depth, ancestors, nested)
    else if (isObject(v) || (Array.isArray(v) && v.length > 0 && v.some(isObject))) readGenericChildren(walk, draft, key, v, at, depth, ancestors, nested)
    else {
      const problem = propertyNameProblem(key) ?? flatValueProblem(v)
      if (problem) walk.problems.push({ path: at, message: problem })
      else draft.props[key] = v as Props[string]
    }
  }
  const identity = draftIdentity(draft, walk.options, ancestors)
  if ('problem' in identity) walk.problems.push({ path, message: identity.problem })
  else draft.identity = identity.identity
  // Children are read after the parent's identity is known (cycle checks compare against it).
  for (const read of nested) read()
  return draft
}

function readTypedField(walk: Walk, draft: Draft, mapping: TypeMapping, field: string, value: unknown, path: string): void {
  const fieldMapping = mapping.fields[field]
  const typed = typedValue(fieldMapping.kind, value)
  if (!typed.ok) walk.problems.push({ path, message: typed.problem })
  else draft.props[propertyOf(field, fieldMapping)] = typed.value
}

/** Links `draft` to an existing record named by `value` (`{customerId}` or `{id}`) through relation `name`. */
function addRef(walk: Walk, draft: Draft, mapping: TypeMapping, name: string, value: unknown, path: string, ancestors: Draft[]): void {
  const { catalog } = walk.options
  const relation = mapping.relations[name]
  const link = catalog.refLink(mapping, name)
  const tree = ancestors.length > 0 ? draft.parents[0] : undefined
  const ref = refDraft(catalog.byName(relation.target), value, path)
  if ('problem' in ref) {
    walk.problems.push({ path, message: ref.problem })
    return
  }
  if (tree && tree.relation.parentLabel === link.parentLabel) {
    // Nested in the record it names (an event's customerId inside that customer): nothing to add.
    const parent = tree.parent.identity
    const named = ref.draft.identity
    const same = parent.kind === 'key' && named.kind === 'key' && Object.entries(named.keys).every(([k, v]) => parent.keys[k] === v)
    if (!same) walk.problems.push({ path, message: `names another ${relation.target} than the one this ${mapping.name} is nested in; nest it there or leave this out` })
    return
  }
  walk.drafts.splice(walk.drafts.indexOf(draft), 0, ref.draft)
  draft.parents.push({ relation: link, parent: ref.draft, path })
}

/**
 * A key that names a related record by its natural key (`customerId` on an event or a ticket,
 * `subscriptionId` on an invoice, `accountId` on a customer), when the type does not declare it.
 */
function foreignKey(catalog: WriteCatalog, mapping: TypeMapping, key: string): string | undefined {
  for (const [name, relation] of Object.entries(mapping.relations)) {
    if (relation.cardinality === 'one' && catalog.byName(relation.target).naturalKey === key) return name
  }
  return undefined
}

function readForeignKey(walk: Walk, draft: Draft, mapping: TypeMapping, name: string, key: string, value: unknown, path: string, depth: number, ancestors: Draft[], nested: Array<() => void>): void {
  const relation = mapping.relations[name]
  if (writeMode(relation) === 'ref') {
    if (value === null) walk.problems.push({ path, message: `must name the ${relation.target} it belongs to, got null` })
    else {
      // Kept on the record when the type says so (an event's customerId): links by it become a key join.
      if (relation.storesKey && typeof value === 'string') draft.props[relation.storesKey] = value
      addRef(walk, draft, mapping, name, { [key]: value }, path, ancestors)
    }
    return
  }
  // A nested single record named only by its key (a customer's accountId): created bare when
  // missing, filled in when its own import arrives.
  if (value !== null) readRelation(walk, draft, mapping, name, { [key]: value }, path, depth, ancestors, nested)
}

function readRelation(
  walk: Walk, draft: Draft, mapping: TypeMapping, key: string, value: unknown, path: string, depth: number, ancestors: Draft[], nested: Array<() => void>
): void {
  const { catalog } = walk.options
  const { name, relation } = catalog.relationFor(mapping, key)!
  if (value === null) return
  if (writeMode(relation) === 'ref') {
    addRef(walk, draft, mapping, name, value, path, ancestors)
    return
  }
  const link = catalog.nestedLink(mapping, name)
  // As in RushDB's import, one object under a list relation is a list of one.
  const list = relation.cardinality === 'many' && Array.isArray(value)
  if (relation.cardinality === 'many' && !list && !isObject(value)) {
    walk.problems.push({ path, message: `must be a list of ${relation.target} records, got ${describe(value)}` })
    return
  }
  if (relation.cardinality === 'one' && !isObject(value)) {
    walk.problems.push({ path, message: `must be one ${relation.target} record (an object), got ${describe(value)}` })
    return
  }
  const items = list ? (value as unknown[]) : [value]
  nested.push(() => {
    items.forEach((item, i) => {
      const at = list ? joinPath(path, i) : path
      readRecord(walk, relation.label, item, at, depth + 1, 'upsert', [{ relation: link, parent: draft, path: at }], [...ancestors, draft])
    })
  })
}

function readGenericChildren(walk: Walk, draft: Draft, key: string, value: unknown, path: string, depth: number, ancestors: Draft[], nested: Array<() => void>): void {
  const { options } = walk
  const nameProblem = propertyNameProblem(key)
  if (nameProblem) {
    walk.problems.push({ path, message: nameProblem.replace('property name', 'label') })
    return
  }
  if (Array.isArray(value) && !value.every(isObject)) {
    const i = value.findIndex((item) => !isObject(item))
    walk.problems.push({ path: joinPath(path, i), message: `is ${describe(value[i])} in a list of records; a list must hold only objects (records) or only values` })
    return
  }
  const childLabel = options.capitalizeLabels ? key.toUpperCase() : key
  if (draft.mapping && childLabel !== key && options.catalog.relationFor(draft.mapping, childLabel)) {
    // `subscription` upper-cased is the SUBSCRIPTION relation: write it as one.
    readRelation(walk, draft, draft.mapping, childLabel, value, path, depth, ancestors, nested)
    return
  }
  const edge = { type: options.relationshipType ?? genericLink(draft.label, childLabel).write.type, direction: 'out' as const }
  const link = genericLink(draft.label, childLabel, edge)
  const items = Array.isArray(value) ? value : [value]
  nested.push(() => {
    items.forEach((item, i) => {
      const at = Array.isArray(value) ? joinPath(path, i) : path
      readRecord(walk, childLabel, item, at, depth + 1, 'upsert', [{ relation: link, parent: draft, path: at }], [...ancestors, draft])
    })
  })
}
