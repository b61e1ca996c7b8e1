import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { aggregateRecords, aggregateRelation } from '../loaders/aggregate-queries.js'
import { aggregatableFields, type AggregateValues } from '../resolvers/compile-aggregate.js'
import type { WhereInput } from '../resolvers/compile-where.js'
import type { TypeMapping } from './storage-mapping.js'

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
  if (many.length === 0) return
  b.objectFields(mapping.name, (t: any) =>
    Object.fromEntries(
      many.map(([field, relation]) => [
        `${field}Aggregate`,
        t.field({
          type: `${relation.target}Aggregate`,
          nullable: false,
          description: `Aggregates over this record's ${field} (matching \`where\`); one RushDB query for all parents in the response. ${RELATED_COUNT_NOTE}`,
          args: { where: t.arg({ type: `${relation.target}Where`, description: `Only ${field} matching this filter.` }) },
          resolve: (parent: RecordShape, args: { where?: WhereInput }, ctx: GatewayContext, info: GraphQLResolveInfo) =>
            aggregateRelation(mapping, relation, parent.__id, args, ctx, info)
        })
      ])
    )
  )
}
