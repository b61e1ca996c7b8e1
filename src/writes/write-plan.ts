import type { TypeMapping } from '../schema/storage-mapping.js'
import type { Props } from './property-values.js'
import type { LinkRelation } from './write-catalog.js'

/**
 * What a write does with a record: `upsert` creates or updates it, `append` creates it unless it
 * exists (events are facts: a repeat is skipped), `ref` only names an existing record to link to.
 */
export type NodeMode = 'upsert' | 'append' | 'ref'

/** How a record is found before writing. */
export type Identity =
  /** By property values among every record of its label (customerId; an account's name). */
  | { kind: 'key'; keys: Record<string, string | number | boolean> }
  /** By record id (references only). */
  | { kind: 'id'; id: string }
  /** Among its parent's records of its label: by `match` properties, or by identical content when null. */
  | { kind: 'scoped'; match: string[] | null }
  /** Never found: always created (generic records without mergeBy keys or a parent). */
  | { kind: 'none' }

/** One record of a write plan. */
export interface PlanNode {
  index: number
  label: string
  mapping: TypeMapping | undefined
  props: Props
  mode: NodeMode
  identity: Identity
  /** Input path of its first occurrence, for messages. */
  path: string
  /** For `key` identities with alternate keys: values to fall back on when the natural key finds nothing. */
  alternates?: Record<string, string>
  /** The link whose parent scopes a `scoped` identity. */
  scopeLink?: number
}

/** One relationship a write ensures between two plan records. */
export interface PlanLink {
  index: number
  parent: number
  child: number
  relation: LinkRelation
  path: string
}

/** The records and relationships of one root payload, for its created/updated/unchanged status. */
export interface PlanRoot {
  node: number
  nodes: number[]
  links: number[]
}

/** A validated, de-duplicated write: records (parents before children), links and roots in input order. */
export interface WritePlan {
  nodes: PlanNode[]
  links: PlanLink[]
  roots: PlanRoot[]
}
