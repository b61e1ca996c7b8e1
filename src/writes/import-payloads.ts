import type { RushDB } from '@rushdb/javascript-sdk'
import { GraphQLError } from 'graphql'
import { PlanBuilder, type LinkToSpec } from './plan-builder.js'
import type { WriteCatalog } from './write-catalog.js'
import { inputError, type InputProblem } from './write-errors.js'
import { writeGraph, type WriteOutcome } from './write-graph.js'
import type { NodeMode } from './write-plan.js'

/** Deepest nesting a payload may have (a customer's account's subscriptions' invoices is 4). */
export const MAX_NESTING_DEPTH = 16

/** What is imported and how records are matched. */
export interface ImportSpec {
  label: string
  rootMode?: NodeMode
  /** Keys matching root records of a label the typed schema does not know. */
  mergeBy?: string[]
  capitalizeLabels?: boolean
  relationshipType?: string
  linkTo?: LinkToSpec
}

/** Size limits of one write. */
export interface WriteLimits {
  maxRecords: number
  maxDepth?: number
}

/** A payload and the input path its problems are reported under. */
export interface PayloadItem {
  value: unknown
  path: string
}

/** Starts a plan for `spec` (the CLI adds payloads one by one; mutations all at once). */
export function planBuilderFor(catalog: WriteCatalog, spec: ImportSpec, limits: WriteLimits): PlanBuilder {
  return new PlanBuilder({
    catalog,
    maxDepth: limits.maxDepth ?? MAX_NESTING_DEPTH,
    maxRecords: limits.maxRecords,
    rootMode: spec.rootMode,
    mergeBy: spec.mergeBy,
    capitalizeLabels: spec.capitalizeLabels,
    relationshipType: spec.relationshipType,
    linkTo: spec.linkTo
  })
}

/**
 * Validates every payload (every problem of every payload is reported, by path) and writes them
 * all in one transaction: all or nothing. `problems` found earlier (e.g. while reading GraphQL
 * inputs) are reported together with the payloads' own.
 */
export async function importPayloads(
  db: RushDB, catalog: WriteCatalog, spec: ImportSpec, items: readonly PayloadItem[], limits: WriteLimits, problems: InputProblem[] = []
): Promise<WriteOutcome> {
  const builder = planBuilderFor(catalog, spec, limits)
  const all = [...problems]
  for (const item of items) {
    try {
      builder.add(spec.label, item.value, item.path)
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error
      const listed = (error.extensions.problems as InputProblem[] | undefined) ?? [{ path: item.path, message: error.message }]
      all.push(...listed)
    }
  }
  if (all.length > 0) throw inputError(all)
  return writeGraph(db, builder.build())
}
