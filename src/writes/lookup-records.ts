import type { RecordShape } from '../builder.js'
import { sameValue } from './property-values.js'
import { inputError, type InputProblem } from './write-errors.js'
import type { PlanNode, WritePlan } from './write-plan.js'
import type { TxWriter } from './tx-writer.js'

/** Values per `$in` list: half a page, so duplicates already in storage still fit the paging. */
const IN_CHUNK = 500

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The oldest of two records (ids are UUIDv7: time-ordered). */
function older(a: RecordShape | undefined, b: RecordShape): RecordShape {
  return a === undefined || b.__id < a.__id ? b : a
}

/** Finds records referenced by id; a missing one, or one of another label, is an error naming its path. */
export async function lookupByIds(writer: TxWriter, plan: WritePlan, existing: Array<RecordShape | undefined>): Promise<void> {
  const nodes = plan.nodes.filter((n) => n.identity.kind === 'id')
  if (nodes.length === 0) return
  const ids = [...new Set(nodes.map((n) => (n.identity as { id: string }).id))]
  const byId = new Map<string, RecordShape>()
  for (const part of chunks(ids, IN_CHUNK)) {
    for (const r of await writer.findAll({ labels: [], where: { $id: { $in: part } } })) byId.set(r.__id, r)
  }
  const missing: InputProblem[] = []
  const wrong: InputProblem[] = []
  for (const node of nodes) {
    const record = byId.get((node.identity as { id: string }).id)
    if (!record) missing.push({ path: node.path, message: `no record has id ${(node.identity as { id: string }).id}` })
    else if (record.__label !== node.label) wrong.push({ path: node.path, message: `record ${record.__id} is a ${record.__label ?? 'record without label'}, not a ${node.label}` })
    else existing[node.index] = record
  }
  if (missing.length > 0) throw inputError(missing, 'NOT_FOUND')
  if (wrong.length > 0) throw inputError(wrong)
}

/**
 * Finds records identified by key properties, one query per label and key (chunked): the oldest
 * record with equal values wins. Nodes with alternate keys (an account's name) that the natural
 * key did not find then match a record that has no natural key yet. References must be found.
 */
export async function lookupByKeys(writer: TxWriter, plan: WritePlan, existing: Array<RecordShape | undefined>): Promise<void> {
  const groups = new Map<string, PlanNode[]>()
  for (const node of plan.nodes) {
    if (node.identity.kind !== 'key') continue
    const names = Object.keys(node.identity.keys).sort()
    const group = `${node.label}\u0000${names.join('\u0000')}`
    const list = groups.get(group) ?? []
    list.push(node)
    groups.set(group, list)
  }
  for (const nodes of groups.values()) await lookupGroup(writer, nodes, existing)
  await lookupByAlternates(writer, plan.nodes.filter((n) => n.alternates && existing[n.index] === undefined), existing)
  const missing = plan.nodes.filter((n) => n.mode === 'ref' && n.identity.kind === 'key' && existing[n.index] === undefined)
  if (missing.length > 0) {
    throw inputError(
      missing.map((n) => {
        const [[key, value]] = Object.entries((n.identity as { keys: Record<string, unknown> }).keys)
        return { path: n.path, message: `no ${n.mapping?.name ?? n.label} has ${key} ${JSON.stringify(value)}` }
      }),
      'NOT_FOUND'
    )
  }
}

async function lookupGroup(writer: TxWriter, nodes: PlanNode[], existing: Array<RecordShape | undefined>): Promise<void> {
  const { label } = nodes[0]
  const names = Object.keys((nodes[0].identity as { keys: Record<string, unknown> }).keys).sort()
  const probe = names[0]
  const values = [...new Set(nodes.map((n) => (n.identity as { keys: Record<string, unknown> }).keys[probe]))]
  const best = new Map<string, RecordShape>()
  const signature = (record: Record<string, unknown>) => JSON.stringify(names.map((k) => record[k]))
  for (const part of chunks(values, IN_CHUNK)) {
    for (const record of await writer.findAll({ labels: [label], where: { [probe]: { $in: part } } })) {
      const sig = signature(record)
      best.set(sig, older(best.get(sig), record))
    }
  }
  for (const node of nodes) {
    const keys = (node.identity as { keys: Record<string, unknown> }).keys
    const record = best.get(signature(keys))
    if (record && names.every((k) => sameValue(record[k], keys[k]))) existing[node.index] = record
  }
}

/** Alternate keys match only records that lack the natural key, so two accounts of one name stay apart. */
async function lookupByAlternates(writer: TxWriter, nodes: PlanNode[], existing: Array<RecordShape | undefined>): Promise<void> {
  const groups = new Map<string, PlanNode[]>()
  for (const node of nodes) {
    for (const name of Object.keys(node.alternates!)) {
      const group = `${node.label}\u0000${name}`
      groups.set(group, [...(groups.get(group) ?? []), node])
    }
  }
  for (const [group, members] of groups) {
    const [label, name] = group.split('\u0000')
    const natural = members[0].mapping?.naturalKey
    const byValue = new Map<unknown, RecordShape>()
    const values = [...new Set(members.map((n) => n.alternates![name]))]
    for (const part of chunks(values, IN_CHUNK)) {
      for (const record of await writer.findAll({ labels: [label], where: { [name]: { $in: part } } })) {
        if (natural !== undefined && record[natural] !== undefined && record[natural] !== null) continue
        byValue.set(record[name], older(byValue.get(record[name]), record))
      }
    }
    for (const node of members) {
      const record = byValue.get(node.alternates![name])
      if (existing[node.index] === undefined && record) existing[node.index] = record
    }
  }
}
