import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { loadRelation } from '../loaders/relation-loader.js'
import { ownSelections, scopeOf } from '../loaders/root-queries.js'
import { foldedKey, type RelationArgs } from '../resolvers/compile-selection.js'
import { readScalar } from './read-scalar.js'
import { SCALAR_TYPE } from './scalar-types.js'
import { propertyOf, type RelationMapping, type TypeMapping } from './storage-mapping.js'

const b = builder as any

function userProperties(record: RecordShape): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!k.startsWith('__') && !k.startsWith('rel__')) out[k] = v
  return out
}

function resolveRelation(parentMapping: TypeMapping, relation: RelationMapping, parent: RecordShape, args: RelationArgs, ctx: GatewayContext, info: GraphQLResolveInfo) {
  const pick = (items: RecordShape[]) => (relation.cardinality === 'one' ? (items[0] ?? null) : items)
  const folded = parent[foldedKey(String(info.path.key))] as RecordShape[] | undefined
  // Folded records are already here: answered synchronously, the executor needs no promise per
  // parent object (nor the Promise.all that would wait for them).
  if (folded) return pick(folded)
  // Not folded into the parent's query: one batched call for all parents at this level (folding
  // the rest of the subtree into it when the backend can).
  return loadRelation(ctx, scopeOf(ctx, info), { parent: parentMapping, relation, name: info.fieldName, args, selectionSets: ownSelections(info) }, parent.__id).then(pick)
}

function relationArgs(t: any, target: string) {
  return {
    where: t.arg({ type: `${target}Where`, description: 'Only related records matching this filter.' }),
    orderBy: t.arg({ type: [`${target}OrderBy`], description: 'Sort keys, in order; ties are broken by id.' }),
    limit: t.arg.int({ description: 'At most this many (default and maximum: the configured page maximum).' }),
    offset: t.arg.int({ description: 'Skip this many first.' })
  }
}

/** Registers the GraphQL object type of a record label, with its storage mapping in `extensions.rushdb`. */
export function defineRecordType(mapping: TypeMapping): void {
  b.objectType(mapping.name, {
    description: mapping.description,
    extensions: { rushdb: mapping },
    fields: (t: any) => {
      const fields: Record<string, unknown> = {
        id: t.exposeID('__id', { nullable: false, description: 'The RushDB record id (UUIDv7, time-ordered).' }),
        label: t.string({ description: 'The RushDB label.', resolve: (r: RecordShape) => r.__label ?? null }),
        properties: t.field({
          type: 'JSON',
          nullable: false,
          description: 'Every stored property, including ones the typed fields do not cover (new sources need no schema change).',
          resolve: userProperties
        })
      }
      for (const [field, m] of Object.entries(mapping.fields)) {
        const property = propertyOf(field, m)
        fields[field] = t.field({ type: SCALAR_TYPE[m.kind], description: m.description, resolve: (r: RecordShape) => readScalar(r[property], m.kind) })
      }
      for (const [field, relation] of Object.entries(mapping.relations)) {
        const many = relation.cardinality === 'many'
        fields[field] = t.field({
          type: many ? [relation.target] : relation.target,
          nullable: many ? false : true,
          description: relation.description,
          args: many ? relationArgs(t, relation.target) : {},
          resolve: (parent: RecordShape, args: RelationArgs, ctx: GatewayContext, info: GraphQLResolveInfo) =>
            resolveRelation(mapping, relation, parent, args, ctx, info)
        })
      }
      return fields
    }
  })
}
