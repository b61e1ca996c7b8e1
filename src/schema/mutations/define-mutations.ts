import type { GraphQLResolveInfo } from 'graphql'
import { builder, type RecordShape } from '../../builder.js'
import type { GatewayContext } from '../../context.js'
import { compileWhere, type WhereInput } from '../../resolvers/compile-where.js'
import { lookupFromSchema } from '../../resolvers/mapping-lookup.js'
import { deleteWhere } from '../../writes/delete-records.js'
import { importPayloads } from '../../writes/import-payloads.js'
import { patchProps, updateRecord } from '../../writes/update-record.js'
import { catalogFromSchema } from '../../writes/write-catalog.js'
import { inputError, joinPath, type InputProblem } from '../../writes/write-errors.js'
import type { WriteSummary } from '../../writes/write-graph.js'
import type { TypeMapping } from '../storage-mapping.js'
import { inputToPayload } from './input-payload.js'
import { defineWriteInputs } from './write-inputs.js'

const b = builder as any

/** What an import mutation returns: the root records in input order and the summary. */
export interface ImportResult {
  records: RecordShape[]
  summary: WriteSummary
}

function capitalize(name: string): string {
  return name[0].toUpperCase() + name.slice(1)
}

/** Reads typed inputs as payloads and imports them in one transaction (shared by every import mutation). */
export async function importTyped(mapping: TypeMapping, argName: string, inputs: Array<Record<string, unknown>>, ctx: GatewayContext, info: GraphQLResolveInfo): Promise<ImportResult> {
  const catalog = catalogFromSchema(info.schema)
  const problems: InputProblem[] = []
  const items = inputs.map((input, i) => {
    const path = joinPath(argName, i)
    return { value: inputToPayload(catalog, mapping, input, path, problems), path }
  })
  const outcome = await importPayloads(ctx.backend.sdk, catalog, { label: mapping.label }, items, { maxRecords: ctx.config.writes.maxRecords }, problems)
  return { records: outcome.roots.map((r) => r.record), summary: outcome.summary }
}

function selectorArgs(t: any, mapping: TypeMapping) {
  const args: Record<string, unknown> = { id: t.arg.id({ description: 'The record id.' }) }
  if (mapping.naturalKey) args[mapping.naturalKey] = t.arg.string({ description: `The ${mapping.naturalKey}.` })
  return args
}

/**
 * Registers a record type's mutations: `import<Plural>` (upsert by natural key, nested records
 * included, one transaction), `update<Type>` (partial update) and `delete<Plural>` (by filter,
 * guarded), plus their input and payload types.
 */
export function defineMutations(mapping: TypeMapping, options: { importField?: boolean } = {}): void {
  const { name, rootPlural } = mapping
  const plural = capitalize(rootPlural)
  defineWriteInputs(mapping)
  b.objectType(`Import${plural}Payload`, {
    description: `The ${name} records written, in input order, and what changed.`,
    fields: (t: any) => ({
      [rootPlural]: t.field({ type: [name], nullable: false, resolve: (r: ImportResult) => r.records }),
      summary: t.field({ type: 'WriteSummary', nullable: false, resolve: (r: ImportResult) => r.summary })
    })
  })
  b.objectType(`Delete${plural}Payload`, {
    description: `How many ${name} records matched the filter and how many were deleted.`,
    fields: (t: any) => ({
      matched: t.exposeInt('matched', { nullable: false }),
      deleted: t.exposeInt('deleted', { nullable: false, description: '0 on a dry run.' })
    })
  })
  b.mutationFields((t: any) => ({
    ...(options.importField === false
      ? {}
      : {
          [`import${plural}`]: t.field({
            type: `Import${plural}Payload`,
            description: `Creates or updates ${name} records with their nested records in one transaction (all or nothing). Sending the same payload again changes nothing; a changed one updates in place.`,
            args: { [rootPlural]: t.arg({ type: [`${name}Input`], required: true }) },
            resolve: (_: unknown, args: Record<string, Array<Record<string, unknown>>>, ctx: GatewayContext, info: GraphQLResolveInfo) =>
              importTyped(mapping, rootPlural, args[rootPlural], ctx, info)
          })
        }),
    [`update${name}`]: t.field({
      type: name,
      description: `Partial update of one ${name} (by id${mapping.naturalKey ? ` or ${mapping.naturalKey}` : ''}): only the fields given change. Returns the record.`,
      args: { ...selectorArgs(t, mapping), patch: t.arg({ type: `${name}Patch`, required: true }) },
      resolve: (_: unknown, args: Record<string, any>, ctx: GatewayContext, info: GraphQLResolveInfo) => {
        const { patch, ...selector } = args
        const problems: InputProblem[] = []
        const flat = inputToPayload(catalogFromSchema(info.schema), mapping, patch, 'patch', problems)
        if (problems.length > 0) throw inputError(problems)
        return updateRecord(ctx.backend.sdk, mapping, selector, patchProps(mapping, flat, 'patch'), `update${name}`)
      }
    }),
    [`delete${plural}`]: t.field({
      type: `Delete${plural}Payload`,
      description: `Deletes the ${name} records matching \`where\` with their relationships (related records stay). Refused for an empty filter, and when more than \`maxCount\` records match.`,
      args: {
        where: t.arg({ type: `${name}Where`, required: true }),
        maxCount: t.arg.int({ defaultValue: 100, description: 'Refuse when more records than this match (default 100): a guard against a filter wider than meant.' }),
        dryRun: t.arg.boolean({ defaultValue: false, description: 'Count the matches without deleting.' })
      },
      resolve: (_: unknown, args: { where: WhereInput; maxCount: number; dryRun: boolean }, ctx: GatewayContext, info: GraphQLResolveInfo) =>
        deleteWhere(ctx.backend.sdk, mapping, compileWhere(mapping, args.where, { lookup: lookupFromSchema(info.schema), profile: ctx.backend.profile }), { maxCount: args.maxCount, dryRun: args.dryRun })
    })
  }))
}
