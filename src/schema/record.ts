import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { deleteRecordById } from '../writes/delete-records.js'
import { importPayloads } from '../writes/import-payloads.js'
import { checkRelationType } from '../writes/link-records.js'
import { propertyNameProblem } from '../writes/property-values.js'
import { catalogFromSchema } from '../writes/write-catalog.js'
import { badInput, joinPath } from '../writes/write-errors.js'
import { DEFAULT_RELATION } from './storage-mapping.js'
import type { ImportResult } from './mutations/define-mutations.js'

const b = builder as any

/** Checks a label or key name given as an argument. */
function checkName(value: string, field: string, what: string): string {
  const problem = propertyNameProblem(value)
  if (problem) throw badInput(field, problem.replace('property name', what))
  return value
}

b.inputType('LinkToInput', {
  description: 'Links each imported record to an existing record named by one of its own properties (e.g. every NPS answer to the CUSTOMER whose customerId it carries).',
  fields: (t: any) => ({
    label: t.string({ required: true, description: 'Label of the record to link to (e.g. CUSTOMER).' }),
    key: t.string({ required: true, description: 'The property holding its key, on both sides (e.g. customerId).' }),
    type: t.string({ description: "Relationship type (default: RushDB's default, as nested imports use)." }),
    direction: t.field({ type: 'RelationDirection', defaultValue: 'out', description: 'OUT: (linked)-[type]->(imported), the way nested imports point.' })
  })
})

b.objectType('ImportRecordsPayload', {
  description: 'The root records written, in input order (typed when their label has a type), and what changed.',
  fields: (t: any) => ({
    records: t.field({ type: ['AnyRecord'], nullable: false, resolve: (r: ImportResult) => r.records }),
    summary: t.field({ type: 'WriteSummary', nullable: false, resolve: (r: ImportResult) => r.summary })
  })
})

b.objectType('DeleteRecordPayload', {
  description: 'The deleted record as it was.',
  fields: (t: any) => ({
    id: t.exposeID('__id', { nullable: false }),
    label: t.string({ resolve: (r: RecordShape) => r.__label ?? null }),
    properties: t.field({ type: 'JSON', nullable: false, resolve: (r: RecordShape) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.startsWith('__'))) })
  })
})

interface ImportRecordsArgs {
  label: string
  records: unknown[]
  mergeBy?: string[] | null
  linkTo?: { label: string; key: string; type?: string | null; direction: 'out' | 'in' } | null
  capitalizeLabels: boolean
  relationshipType?: string | null
}

async function importRecords(args: ImportRecordsArgs, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<ImportResult> {
  const catalog = catalogFromSchema(info.schema)
  const label = checkName(args.capitalizeLabels ? args.label.toUpperCase() : args.label, 'label', 'label')
  const typed = catalog.byLabel(label)
  if (typed && args.mergeBy?.length) throw badInput('mergeBy', `${label} records are matched by their ${typed.naturalKey ?? 'parent'}; mergeBy is for labels without a typed schema`)
  args.mergeBy?.forEach((key, i) => checkName(key, joinPath('mergeBy', i), 'mergeBy key'))
  const linkTo = args.linkTo && {
    label: checkName(args.linkTo.label, 'linkTo.label', 'label'),
    key: checkName(args.linkTo.key, 'linkTo.key', 'key'),
    edge: { type: args.linkTo.type ? checkRelationType(args.linkTo.type, 'linkTo.type') : DEFAULT_RELATION, direction: args.linkTo.direction }
  }
  const spec = {
    label,
    mergeBy: args.mergeBy ?? undefined,
    capitalizeLabels: args.capitalizeLabels,
    relationshipType: args.relationshipType ? checkRelationType(args.relationshipType, 'relationshipType') : undefined,
    linkTo: linkTo ?? undefined
  }
  const items = args.records.map((value, i) => ({ value, path: joinPath('records', i) }))
  const outcome = await importPayloads(ctx.backend.sdk, catalog, spec, items, { maxRecords: ctx.config.writes.maxRecords })
  return { records: outcome.roots.map((r) => r.record), summary: outcome.summary }
}

b.mutationFields((t: any) => ({
  importRecords: t.field({
    type: 'ImportRecordsPayload',
    description:
      'Imports records of any label — one the typed schema does not know yet lands in the same graph without a migration — as nested JSON (objects and lists of objects become linked records, as in RushDB). Typed labels are checked and matched like their own import mutation; other labels are matched by `mergeBy` keys, or within their `linkTo` record by content, else created.',
    args: {
      label: t.arg.string({ required: true }),
      records: t.arg({ type: ['JSON'], required: true, description: 'The records, each a JSON object.' }),
      mergeBy: t.arg({ type: ['String'], description: 'Properties every root record has that identify it: a record with the same values is updated instead of duplicated.' }),
      linkTo: t.arg({ type: 'LinkToInput' }),
      capitalizeLabels: t.arg.boolean({ defaultValue: false, description: 'Upper-case the label and nested labels (RushDB capitalizeLabels).' }),
      relationshipType: t.arg.string({ description: 'Relationship type of nested records of labels without a typed schema (default: RushDB default).' })
    },
    resolve: (_: unknown, args: ImportRecordsArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => importRecords(args, ctx, info)
  }),
  deleteRecord: t.field({
    type: 'DeleteRecordPayload',
    description: 'Deletes one record by id, with its relationships (related records stay).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_: unknown, args: { id: string }, ctx: GatewayContext) => deleteRecordById(ctx.backend.sdk, String(args.id))
  })
}))
