import type { RushDB } from '@rushdb/javascript-sdk'
import type { RecordShape } from '../builder.js'
import { applyPlan, type Applied, type NodeStatus } from './apply-plan.js'
import { linkState } from './link-state.js'
import { lookupByIds, lookupByKeys } from './lookup-records.js'
import { lookupScoped } from './lookup-scoped.js'
import type { WritePlan } from './write-plan.js'
import { withTransaction, type TxWriter } from './tx-writer.js'

/** What happened to one root payload. */
export type RootStatus = 'created' | 'updated' | 'unchanged' | 'skipped'

/** Counts of a write: root payloads by outcome, then every record and relationship touched. */
export interface WriteSummary {
  created: number
  updated: number
  unchanged: number
  /** Appended records (events) that already existed. */
  skipped: number
  recordsCreated: number
  recordsUpdated: number
  relationshipsCreated: number
  relationshipsRemoved: number
}

/** The outcome of a write: each root payload's record and status, in input order, and the counts. */
export interface WriteOutcome {
  roots: Array<{ record: RecordShape; status: RootStatus }>
  summary: WriteSummary
}

/** An empty summary. */
export function emptySummary(): WriteSummary {
  return { created: 0, updated: 0, unchanged: 0, skipped: 0, recordsCreated: 0, recordsUpdated: 0, relationshipsCreated: 0, relationshipsRemoved: 0 }
}

/** Adds the counts of `b` into `a` (which may carry more fields). */
export function addSummary<T extends WriteSummary>(a: T, b: WriteSummary): T {
  for (const key of Object.keys(emptySummary()) as Array<keyof WriteSummary>) a[key] += b[key]
  return a
}

function rootStatus(applied: Applied, root: WritePlan['roots'][number]): RootStatus {
  const own = applied.status[root.node]
  if (own === 'created' || own === 'skipped') return own
  const touched =
    root.nodes.some((n) => applied.status[n] === 'created' || applied.status[n] === 'updated') ||
    root.links.some((l) => applied.linksCreated.has(l) || applied.linksMoved.has(l))
  return touched ? 'updated' : 'unchanged'
}

function summarize(plan: WritePlan, applied: Applied): WriteOutcome {
  const summary = emptySummary()
  const roots = plan.roots.map((root) => {
    const status = rootStatus(applied, root)
    summary[status]++
    return { record: applied.records[root.node], status }
  })
  const count = (s: NodeStatus) => applied.status.filter((x) => x === s).length
  summary.recordsCreated = count('created')
  summary.recordsUpdated = count('updated')
  summary.relationshipsCreated = applied.linksCreated.size
  summary.relationshipsRemoved = applied.relationshipsRemoved
  return { roots, summary }
}

/**
 * Resolves a plan against storage (which records and links exist) and writes the difference,
 * inside the caller's transaction. Lookups first, so a reference to a missing record fails
 * before anything is written.
 */
export async function writePlan(writer: TxWriter, plan: WritePlan): Promise<WriteOutcome> {
  const existing: Array<RecordShape | undefined> = new Array(plan.nodes.length)
  await lookupByIds(writer, plan, existing)
  await lookupByKeys(writer, plan, existing)
  const matchedViaScope = await lookupScoped(writer, plan, existing)
  const skipped = new Set(plan.nodes.filter((n) => n.mode === 'append' && existing[n.index] !== undefined).map((n) => n.index))
  const state = await linkState(writer, plan, existing, matchedViaScope, skipped)
  const applied = await applyPlan(writer, plan, existing, state)
  return summarize(plan, applied)
}

/** Writes a plan in its own RushDB transaction: all of it, or nothing. */
export function writeGraph(db: RushDB, plan: WritePlan): Promise<WriteOutcome> {
  return withTransaction(db, (writer) => writePlan(writer, plan))
}
