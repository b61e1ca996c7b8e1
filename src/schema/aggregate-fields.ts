import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { aggregateRecords, aggregateRelation } from '../loaders/aggregate-queries.js'
import { aggregatableFields, type AggregateValues } from '../resolvers/compile-aggregate.js'
import type { AggregatePath } from '../resolvers/compile-relation-aggregate.js'
import type { MappingLookup, WhereInput } from '../resolvers/compile-where.js'
import { lookupFromSchema } from '../resolvers/mapping-lookup.js'
import type { RelationMapping, TypeMapping } from './storage-mapping.js'
import { THROUGH_AGGREGATES } from './through-aggregates.js'

const b = builder as any

const RELATED_COUNT_NOTE =
  'To filter parents by a related count, use the relation filter of `where`: `some` is a count of at least 1 and `none` a count of 0; RushDB cannot filter by a larger count threshold.'

function valuesType(typeName: string, fields: string[], mapping: TypeMapping, what: string) {
  b.objectType(typeName, {
    description: `${what} of ${mapping.name} fields over the records aggregated (null when there are none).`,
    fields: (f: any) =>
      Object.fromEntries(
        fields.map((field) => {
          const kind = mapping.fields[field].kind
          const type = kind === 'DateTime' ? 'DateTime' : 'Float'
          return [field, f.field({ type, description: mapping.fields[field].description, resolve: (v: Record<string, unknown>) => v[field] ?? null })]
        })
      )
  })
  return typeName
}

/**
 * The fields `count`, `sum`, `avg`, `min`, `max` shared by `<Type>Aggregate` and `<Type>Group`,
 * typed per record type so tools autocomplete the field names (sum/avg: numbers; min/max: numbers
 * and datetimes). Types without such fields get only `count`.
 */
export function aggregateValueFields(t: any, mapping: TypeMapping): Record<string, unknown> {
  const numeric = aggregatableFields(mapping, 'sum')
  const ranged = aggregatableFields(mapping, 'min')
  const fields: Record<string, unknown> = {
    count: t.int({ nullable: false, description: 'How many records.', resolve: (v: AggregateValues) => v.count })
  }
  if (numeric.length > 0) {
    fields.sum = t.field({ type: `${mapping.name}NumericAggregates`, nullable: false, description: 'Sums (0 over no records).', resolve: (v: AggregateValues) => v.sum })
    fields.avg = t.field({ type: `${mapping.name}NumericAggregates`, nullable: false, description: 'Averages.', resolve: (v: AggregateValues) => v.avg })
  }
  if (ranged.length > 0) {
    fields.min = t.field({ type: `${mapping.name}RangeAggregates`, nullable: false, description: 'Smallest values (earliest for datetimes).', resolve: (v: AggregateValues) => v.min })
    fields.max = t.field({ type: `${mapping.name}RangeAggregates`, nullable: false, description: 'Largest values (latest for datetimes).', resolve: (v: AggregateValues) => v.max })
  }
  return fields
}

/**
 * Registers `<Type>Aggregate`, the root field `<types>Aggregate(where)` (one RushDB call) and, on
 * the record type, `<relation>Aggregate(where)` for every to-many relation (one call per level).
 */
export function defineAggregateFields(mapping: TypeMapping): void {
  const numeric = aggregatableFields(mapping, 'sum')
  const ranged = aggregatableFields(mapping, 'min')
  if (numeric.length > 0) valuesType(`${mapping.name}NumericAggregates`, numeric, mapping, 'Sums or averages')
  if (ranged.length > 0) valuesType(`${mapping.name}RangeAggregates`, ranged, mapping, 'Minima or maxima')
  b.objectType(`${mapping.name}Aggregate`, {
    description: `Aggregates over ${mapping.name} records, computed by RushDB in one query (never by fetching the records).`,
    fields: (t: any) => aggregateValueFields(t, mapping)
  })
  b.queryFields((t: any) => ({
    [`${mapping.rootPlural}Aggregate`]: t.field({
      type: `${mapping.name}Aggregate`,
      nullable: false,
      description: `Count, sums, averages, minima and maxima over the ${mapping.name} records matching \`where\`: one RushDB query. ${RELATED_COUNT_NOTE}`,
      args: { where: t.arg({ type: `${mapping.name}Where` }) },
      resolve: (_: unknown, args: { where?: WhereInput }, ctx: GatewayContext, info: GraphQLResolveInfo) => aggregateRecords(mapping, args, ctx, info)
    })
  }))
  const many = Object.entries(mapping.relations).filter(([, r]) => r.cardinality === 'many')
  const through = Object.entries(THROUGH_AGGREGATES[mapping.name] ?? {})
  if (many.length === 0 && through.length === 0) return
  const field = (t: any, name: string, target: string, description: string, path: (scope: MappingLookup) => AggregatePath) =>
    t.field({
      type: `${target}Aggregate`,
      nullable: false,
      description: `${description}; one RushDB query for all parents in the response. ${RELATED_COUNT_NOTE}`,
      args: { where: t.arg({ type: `${target}Where`, description: `Only ${name} matching this filter.` }) },
      resolve: (parent: RecordShape, args: { where?: WhereInput }, ctx: GatewayContext, info: GraphQLResolveInfo) =>
        aggregateRelation(path(lookupFromSchema(info.schema)), parent.__id, args, ctx, info)
    })
  b.objectFields(mapping.name, (t: any) => ({
    ...Object.fromEntries(
      many.map(([name, relation]) => [
        `${name}Aggregate`,
        field(t, name, relation.target, `Aggregates over this record's ${name} (matching \`where\`)`, () => ({ parent: mapping, hops: [relation], field: `${name}Aggregate` }))
      ])
    ),
    ...Object.fromEntries(
      through.map(([name, spec]) => [
        `${name}Aggregate`,
        field(t, name, spec.target, spec.description, (lookup) => ({ parent: mapping, hops: relationChain(mapping, spec.via, lookup), field: `${name}Aggregate` }))
      ])
    )
  }))
}

/** The relation mappings of a chain of relation field names followed from `mapping`. */
function relationChain(mapping: TypeMapping, via: string[], lookup: MappingLookup): RelationMapping[] {
  const hops: RelationMapping[] = []
  let from = mapping
  for (const name of via) {
    const relation = from.relations[name]
    if (!relation) throw new Error(`${from.name} has no relation ${name}`)
    hops.push(relation)
    from = lookup(relation.target)
  }
  return hops
}
