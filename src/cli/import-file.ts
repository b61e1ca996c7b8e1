import { stat } from 'node:fs/promises'
import type { RushDB } from '@rushdb/javascript-sdk'
import { GraphQLError } from 'graphql'
import { planBuilderFor, type ImportSpec } from '../writes/import-payloads.js'
import type { PlanBuilder } from '../writes/plan-builder.js'
import type { WriteCatalog } from '../writes/write-catalog.js'
import { isInputError, type InputProblem } from '../writes/write-errors.js'
import { addSummary, emptySummary, writeGraph, type WriteSummary } from '../writes/write-graph.js'
import type { ProgressState } from './progress.js'
import { readRecords, type ReadPosition } from './read-records.js'

/** A payload that was not imported, and why. */
export interface ImportFailure {
  line: number
  reason: string
}

/** What an import file run did. */
export interface ImportReport extends WriteSummary {
  /** Payloads read (imported or failed). */
  payloads: number
  failed: ImportFailure[]
  ms: number
  /** Why the run stopped early (storage unavailable, a broken file); rerunning resumes safely. */
  aborted?: string
}

/** How a file is imported. */
export interface ImportFileOptions {
  file: string
  spec: ImportSpec
  /** Payloads per transaction. */
  batchSize: number
  /** Records per transaction at most (children included); a batch is written early when it reaches half. */
  maxRecords: number
  onProgress?: (state: ProgressState) => void
}

/** One line per problem: `SUBSCRIPTION[0].seats: must be …`. */
export function describeProblems(error: GraphQLError): string {
  const problems = (error.extensions.problems as InputProblem[] | undefined) ?? [{ path: '', message: error.message }]
  const text = problems.slice(0, 3).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message))
  const more = problems.length > 3 ? `; and ${problems.length - 3} more` : ''
  return text.join('; ') + more
}

interface Pending {
  line: number
  value: unknown
}

/**
 * Streams a JSON-array or NDJSON file through the write path the mutations use, in batches of
 * `batchSize` payloads, each batch one transaction. A payload that fails validation is reported
 * with its line and skipped; a batch that fails on a reference (NOT_FOUND) is retried payload by
 * payload so only the bad ones fail. Upserts make a rerun after a kill safe: nothing duplicates.
 */
export async function importFile(db: RushDB, catalog: WriteCatalog, options: ImportFileOptions): Promise<ImportReport> {
  const started = performance.now()
  const report: ImportReport = { ...emptySummary(), payloads: 0, failed: [], ms: 0 }
  const totalBytes = (await stat(options.file)).size
  const position: ReadPosition = { bytesRead: 0 }
  const newBuilder = () => planBuilderFor(catalog, options.spec, { maxRecords: options.maxRecords })
  let builder = newBuilder()
  let batch: Pending[] = []
  const progress = () =>
    options.onProgress?.({ payloads: report.payloads, failed: report.failed.length, bytesRead: position.bytesRead, totalBytes, elapsedMs: performance.now() - started })
  const flush = async () => {
    if (batch.length > 0) await writeBatch(db, builder, batch, report, newBuilder, options.spec.label)
    builder = newBuilder()
    batch = []
    progress()
  }
  try {
    for await (const item of readRecords(options.file, position)) {
      report.payloads++
      if ('error' in item) report.failed.push({ line: item.line, reason: item.error })
      else if (add(builder, options.spec.label, item.value, item.line, report)) batch.push(item)
      if (batch.length >= options.batchSize || builder.size >= options.maxRecords / 2) await flush()
      else if (report.payloads % 100 === 0) progress()
    }
    await flush()
  } catch (error) {
    report.aborted = error instanceof Error ? error.message : String(error)
  }
  report.ms = performance.now() - started
  return report
}

function add(builder: PlanBuilder, label: string, value: unknown, line: number, report: ImportReport): boolean {
  try {
    builder.add(label, value, '')
    return true
  } catch (error) {
    if (!isInputError(error)) throw error
    report.failed.push({ line, reason: describeProblems(error) })
    return false
  }
}

async function writeBatch(db: RushDB, builder: PlanBuilder, batch: Pending[], report: ImportReport, newBuilder: () => PlanBuilder, label: string): Promise<void> {
  try {
    addSummary(report, (await writeGraph(db, builder.build())).summary)
    return
  } catch (error) {
    if (!isInputError(error)) throw error
  }
  // The batch named a record that does not exist: find which payloads did, one transaction each.
  for (const item of batch) {
    const single = newBuilder()
    single.add(label, item.value, '')
    try {
      addSummary(report, (await writeGraph(db, single.build())).summary)
    } catch (error) {
      if (!isInputError(error)) throw error
      report.failed.push({ line: item.line, reason: describeProblems(error) })
    }
  }
}
