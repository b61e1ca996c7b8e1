/** RushDB's relationship type for edges made by nested import. */
export const DEFAULT_RELATION = '__RUSHDB__RELATION__DEFAULT__'

/** Which way an edge points, seen from the record that owns the field. */
export type EdgeDirection = 'out' | 'in' | 'any'

/** One way two records can be linked in storage: a relationship type and its direction. */
export interface EdgeMapping {
  type: string
  direction: EdgeDirection
}

/** Kinds of scalar a typed field exposes. */
export type ScalarKind = 'ID' | 'String' | 'Int' | 'Float' | 'Money' | 'Boolean' | 'DateTime' | 'Email' | 'StringList'

/** How a typed GraphQL field reads a RushDB property. */
export interface ScalarFieldMapping {
  kind: ScalarKind
  /** The RushDB property name; defaults to the GraphQL field name. */
  property?: string
  description: string
  /** Filterable and sortable (defaults to true). */
  filterable?: boolean
}

/** How a relation field reaches its records: target type and label, and every edge shape that counts. */
export interface RelationMapping {
  target: string
  label: string
  /** Any of these edges links the records (e.g. an explicit typed edge, and the nested-import default). */
  edges: EdgeMapping[]
  cardinality: 'one' | 'many'
  description: string
  /**
   * How writes reach the related records: `nested` inputs create or update them with their parent
   * (the first edge is written), `ref` inputs name an existing record to link to. Defaults:
   * `nested` for many, `ref` for one.
   */
  write?: 'nested' | 'ref'
  /**
   * For a single related record named by its natural key (an event's `customerId`): the property
   * the record stores that key under too, so links to new records are written as one key join per
   * batch (`POST /relationships/create-many`) instead of one attach per related record.
   */
  storesKey?: string
}

/** The storage mapping of one GraphQL object type, kept on the type itself (`extensions.rushdb`). */
export interface TypeMapping {
  name: string
  label: string
  description: string
  /** The property that identifies a record for people (customerId, orderId, ...), if any. */
  naturalKey?: string
  /** Properties that identify a record among all of its label when the natural key is missing (an account's name). */
  alternateKeys?: string[]
  /**
   * Properties that identify a record among its parent's records of its label when it has no
   * natural key (an invoice's month within its subscription); without them, identical content does.
   */
  matchBy?: string[]
  /** Root field names: singular (by id) and plural (lists). */
  rootSingular: string
  rootPlural: string
  fields: Record<string, ScalarFieldMapping>
  relations: Record<string, RelationMapping>
}

/** The property a scalar field reads. */
export function propertyOf(field: string, mapping: ScalarFieldMapping): string {
  return mapping.property ?? field
}

/** Both edge shapes of a relation seen from the other side (for traversing back to a parent). */
export function inverseEdges(edges: EdgeMapping[]): EdgeMapping[] {
  return edges.map((e) => ({ type: e.type, direction: e.direction === 'out' ? 'in' : e.direction === 'in' ? 'out' : 'any' }))
}
