import type { GraphQLSchema } from 'graphql'
import { DEFAULT_RELATION, type EdgeMapping, type RelationMapping, type TypeMapping } from '../schema/storage-mapping.js'

/** The edge an attach writes, seen from the parent: `out` is (parent)-[type]->(child). */
export interface WriteEdge {
  type: string
  direction: 'out' | 'in'
}

/** How a parent and a child record are linked, for writing and for finding existing links. */
export interface LinkRelation {
  /** Groups links of the same kind (one lookup per kind). */
  key: string
  parentLabel: string
  childLabel: string
  write: WriteEdge
  /** Every edge that counts as this link, seen from the parent (e.g. the typed edge and the nested-import default). */
  match: EdgeMapping[]
  /** A parent has at most one such child (a customer's account): linking another one moves it. */
  parentOne: boolean
  /** A child has at most one such parent (a ticket's customer): linking it elsewhere moves it. */
  childOne: boolean
  /** The parent's natural key and the child property holding its value (an event's customerId): links can be written as a key join. */
  joinKey?: { parent: string; child: string }
}

/** The storage mappings the write path needs, looked up by label or type name. */
export interface WriteCatalog {
  mappings: readonly TypeMapping[]
  byLabel(label: string): TypeMapping | undefined
  byName(name: string): TypeMapping
  /** The relation a payload key names: its field name (`tickets`) or its target label (`SUPPORT_TICKET`). */
  relationFor(mapping: TypeMapping, key: string): { name: string; relation: RelationMapping } | undefined
  /** The link of a nested relation: the holder is the parent. */
  nestedLink(holder: TypeMapping, name: string): LinkRelation
  /** The link of a reference relation (`customer: {customerId}` on a ticket): the referenced record is the parent. */
  refLink(holder: TypeMapping, name: string): LinkRelation
}

/** How a relation is written: explicitly, else nested for lists and a reference for single records. */
export function writeMode(relation: RelationMapping): 'nested' | 'ref' {
  return relation.write ?? (relation.cardinality === 'many' ? 'nested' : 'ref')
}

/** A link between records of labels the typed schema does not relate (generic imports). */
export function genericLink(parentLabel: string, childLabel: string, edge: WriteEdge = { type: DEFAULT_RELATION, direction: 'out' }): LinkRelation {
  return {
    key: `generic:${parentLabel}:${childLabel}:${edge.type}:${edge.direction}`,
    parentLabel,
    childLabel,
    write: edge,
    match: [{ type: edge.type, direction: edge.direction }],
    parentOne: false,
    childOne: false
  }
}

function firstEdge(relation: RelationMapping): WriteEdge {
  const edge = relation.edges[0]
  return { type: edge.type, direction: edge.direction === 'in' ? 'in' : 'out' }
}

/** Builds the catalog over a list of mappings. */
export function createWriteCatalog(mappings: readonly TypeMapping[]): WriteCatalog {
  const labels = new Map(mappings.map((m) => [m.label, m]))
  // Payload keys that name a relation, by field name or target label, per type.
  const relationKeys = new Map(
    mappings.map((m) => {
      const keys = new Map<string, string>()
      for (const [name, r] of Object.entries(m.relations)) if (!keys.has(r.label)) keys.set(r.label, name)
      for (const name of Object.keys(m.relations)) keys.set(name, name)
      return [m, keys]
    })
  )
  const names = new Map(mappings.map((m) => [m.name, m]))
  const byName = (name: string): TypeMapping => {
    const mapping = names.get(name)
    if (!mapping) throw new Error(`no storage mapping for type ${name}`)
    return mapping
  }
  const inverse = (holder: TypeMapping, relation: RelationMapping): RelationMapping | undefined =>
    Object.values(byName(relation.target).relations).find((r) => r.target === holder.name && r.edges.some((e) => relation.edges.some((f) => f.type === e.type)))
  const link = (parent: TypeMapping, relation: RelationMapping, child: TypeMapping, childSide: RelationMapping | undefined): LinkRelation => ({
    key: `${parent.name}.${relation.label}.${relation.edges.map((e) => e.type).join('|')}`,
    parentLabel: parent.label,
    childLabel: child.label,
    write: firstEdge(relation),
    match: relation.edges,
    parentOne: relation.cardinality === 'one',
    childOne: childSide?.cardinality === 'one'
  })
  return {
    mappings,
    byLabel: (label) => labels.get(label),
    byName,
    relationFor(mapping, key) {
      const name = relationKeys.get(mapping)?.get(key)
      return name === undefined ? undefined : { name, relation: mapping.relations[name] }
    },
    nestedLink(holder, name) {
      const relation = holder.relations[name]
      return link(holder, relation, byName(relation.target), inverse(holder, relation))
    },
    refLink(holder, name) {
      const relation = holder.relations[name]
      const parent = byName(relation.target)
      const parentSide = inverse(holder, relation)
      let out: LinkRelation
      if (!parentSide) {
        // No declared way back: write the holder's edge from the referenced record's side.
        const edges = relation.edges.map((e) => ({ type: e.type, direction: e.direction === 'out' ? 'in' : e.direction === 'in' ? 'out' : 'any' }) as EdgeMapping)
        out = link(parent, { ...relation, target: holder.name, label: holder.label, edges, cardinality: 'many' }, holder, relation)
      } else out = link(parent, parentSide, holder, relation)
      return relation.storesKey && parent.naturalKey ? { ...out, joinKey: { parent: parent.naturalKey, child: relation.storesKey } } : out
    }
  }
}

const cache = new WeakMap<GraphQLSchema, WriteCatalog>()

/** The catalog of every record type of a schema (mappings live in `extensions.rushdb`). */
export function catalogFromSchema(schema: GraphQLSchema): WriteCatalog {
  let catalog = cache.get(schema)
  if (!catalog) {
    const mappings = Object.values(schema.getTypeMap())
      .map((type) => type.extensions?.rushdb as TypeMapping | undefined)
      .filter((m): m is TypeMapping => !!m && typeof m.label === 'string' && typeof m.relations === 'object')
    catalog = createWriteCatalog(mappings)
    cache.set(schema, catalog)
  }
  return catalog
}
