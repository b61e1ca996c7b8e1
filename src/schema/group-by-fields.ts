import type { GraphQLResolveInfo } from 'graphql'
import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import type { PageCost } from '../limits/operation-cost.js'
import { groupRecords, type GroupByArgs } from '../loaders/aggregate-queries.js'
import { MAX_GROUPS, type GroupRow } from '../resolvers/compile-group-by.js'
import { aggregateValueFields } from './aggregate-fields.js'
import { SCALAR_TYPE } from './scalar-types.js'
import type { TypeMapping } from './storage-mapping.js'

const b = builder as any

builder.enumType('TimeBucket', {
  description: 'Time bucket of a DateTime group key; buckets start in UTC (weeks on Monday).',
  values: { DAY: { value: 'DAY' }, WEEK: { value: 'WEEK' }, MONTH: { value: 'MONTH' }, QUARTER: { value: 'QUARTER' }, YEAR: { value: 'YEAR' } } as const
})

builder.enumType('GroupOrderKind', {
  description: 'What groups are sorted by: a group key, the count, or an aggregate of a field.',
  values: {
    KEY: { value: 'KEY', description: 'The value of a group key (`field` names it).' },
    COUNT: { value: 'COUNT', description: 'The number of records in the group.' },
    SUM: { value: 'SUM', description: 'The sum of `field`.' },
    AVG: { value: 'AVG', description: 'The average of `field`.' },
    MIN: { value: 'MIN', description: 'The smallest value of `field`.' },
    MAX: { value: 'MAX', description: 'The largest value of `field`.' }
  } as const
})

/** Fields a type can be grouped by: its filterable single-valued scalars. */
function groupableFields(mapping: TypeMapping): string[] {
  return Object.entries(mapping.fields)
    .filter(([, m]) => m.filterable !== false && m.kind !== 'StringList')
    .map(([name]) => name)
}

/** Registers `<Type>Group`, its key, order and field inputs, and the root field `<types>GroupBy`. */
export function defineGroupByFields(mapping: TypeMapping): void {
  const { name } = mapping
  const fields = groupableFields(mapping)
  b.enumType(`${name}Field`, {
    description: `A field of ${name} to group or sort groups by.`,
    values: Object.fromEntries(fields.map((f) => [f, { value: f, description: mapping.fields[f].description }]))
  })
  b.inputType(`${name}GroupBy`, {
    description: `One group key of ${name}: a field, bucketed by time for DateTime fields.`,
    fields: (t: any) => ({
      field: t.field({ type: `${name}Field`, required: true }),
      bucket: t.field({ type: 'TimeBucket', description: 'Group a DateTime field by day, week, month, quarter or year (the key is the bucket start).' })
    })
  })
  b.inputType(`${name}GroupOrderBy`, {
    description: 'One sort key of the groups; ties are broken by the later keys.',
    fields: (t: any) => ({
      by: t.field({ type: 'GroupOrderKind', required: true }),
      field: t.field({ type: `${name}Field`, description: 'The group key (KEY) or aggregated field (SUM, AVG, MIN, MAX).' }),
      direction: t.field({ type: 'SortDirection', defaultValue: 'ASC' })
    })
  })
  b.objectType(`${name}GroupKey`, {
    description: `The key of a ${name} group: the grouped fields (bucket start for time buckets); the others are null.`,
    fields: (t: any) =>
      Object.fromEntries(fields.map((f) => [f, t.field({ type: SCALAR_TYPE[mapping.fields[f].kind], description: mapping.fields[f].description, resolve: (k: Record<string, unknown>) => k[f] ?? null })]))
  })
  b.objectType(`${name}Group`, {
    description: `A group of ${name} records with its aggregates.`,
    fields: (t: any) => ({
      key: t.field({ type: `${name}GroupKey`, nullable: false, resolve: (g: GroupRow) => g.key }),
      ...aggregateValueFields(t, mapping)
    })
  })
  b.queryFields((t: any) => ({
    [`${mapping.rootPlural}GroupBy`]: t.field({
      type: [`${name}Group`],
      nullable: false,
      description: `${name} records matching \`where\` grouped by one or more fields (DateTime fields optionally by time bucket), with aggregates per group: one RushDB query. Default order: the group keys ascending (on a RushDB server: the first key).`,
      args: {
        where: t.arg({ type: `${name}Where` }),
        by: t.arg({ type: [`${name}GroupBy`], required: true, description: 'The group keys, in order.' }),
        orderBy: t.arg({ type: [`${name}GroupOrderBy`], description: 'Sort keys of the groups (a RushDB server takes one).' }),
        limit: t.arg.int({ description: `Most groups returned (default: the page maximum; at most ${MAX_GROUPS}).` }),
        offset: t.arg.int({ description: 'Groups to skip.' })
      },
      // The cost check counts what the resolver returns: up to the page maximum by default, MAX_GROUPS at most.
      extensions: { pageCost: { defaultSize: 'max', maxSize: MAX_GROUPS } satisfies PageCost },
      resolve: (_: unknown, args: GroupByArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => groupRecords(mapping, args, ctx, info)
    })
  }))
}
