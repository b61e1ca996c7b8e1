import type { RecordShape } from '../builder.js'
import { changesRecord, stampChange, writeTime } from './change-stamp.js'
import { sameValue } from './property-values.js'
import { linkByKeyJoin } from './key-join-links.js'
import type { LinkState } from './link-state.js'
import type { WriteEdge } from './write-catalog.js'
import type { PlanLink, PlanNode, WritePlan } from './write-plan.js'
import type { TxWriter } from './tx-writer.js'

/** What happened to one plan record. */
export type NodeStatus = 'created' | 'updated' | 'unchanged' | 'skipped' | 'referenced'

/** The outcome of applying a plan: each record as stored afterwards, and what changed. */
export interface Applied {
  records: RecordShape[]
  status: NodeStatus[]
  linksCreated: Set<number>
  /** Plan links whose record moved away from an old neighbour. */
  linksMoved: Set<number>
  relationshipsRemoved: number
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** True when the stored record carries the same values for every key of the node's identity. */
function keyedOnStored(node: PlanNode, stored: RecordShape): boolean {
  return node.identity.kind === 'key' && Object.entries(node.identity.keys).every(([k, v]) => sameValue(stored[k], v))
}

async function createRecords(writer: TxWriter, applied: Applied, todo: PlanNode[], now: string): Promise<void> {
  const byLabel = new Map<string, PlanNode[]>()
  for (const node of todo) pushTo(byLabel, node.label, node)
  for (const [label, nodes] of byLabel) {
    const records = await writer.createMany(label, nodes.map((n) => stampChange(n.mapping, n.props, now)))
    nodes.forEach((node, i) => {
      applied.records[node.index] = records[i]
      applied.status[node.index] = 'created'
    })
  }
}

async function updateRecords(writer: TxWriter, applied: Applied, todo: PlanNode[], existing: Array<RecordShape | undefined>, now: string): Promise<void> {
  // Records found by their key are upserted per label in one call; the rest (matched in their
  // parent, or by an alternate key) are patched by id.
  const byKey = new Map<string, PlanNode[]>()
  for (const node of todo) {
    const stored = existing[node.index]!
    if (keyedOnStored(node, stored)) {
      pushTo(byKey, `${node.label}\u0000${Object.keys((node.identity as { keys: object }).keys).sort().join('\u0000')}`, node)
    } else {
      applied.records[node.index] = await writer.update(stored.__id, node.label, stampChange(node.mapping, node.props, now))
      applied.status[node.index] = 'updated'
    }
  }
  for (const [group, nodes] of byKey) {
    const [label, ...keys] = group.split('\u0000')
    const records = await writer.createMany(label, nodes.map((n) => stampChange(n.mapping, n.props, now)), keys)
    nodes.forEach((node, i) => {
      applied.records[node.index] = records[i]
      applied.status[node.index] = 'updated'
    })
  }
}

async function removeStale(writer: TxWriter, state: LinkState): Promise<number> {
  const groups = new Map<string, { parentId: string; types: string[]; children: Set<string> }>()
  for (const s of state.stale) {
    const types = [...new Set(s.relation.match.map((e) => e.type))]
    const key = `${s.parentId}|${types.join('|')}`
    const group = groups.get(key) ?? { parentId: s.parentId, types, children: new Set() }
    group.children.add(s.childId)
    groups.set(key, group)
  }
  let removed = 0
  for (const g of groups.values()) {
    await writer.detach(g.parentId, [...g.children], g.types)
    removed += g.children.size
  }
  return removed
}

/**
 * Groups the missing links into as few attach calls as possible: per written edge (type and
 * direction, whatever the labels), from whichever end repeats more — one call per customer for all
 * its nested records, one per account for its customers.
 */
async function attachMissing(writer: TxWriter, links: PlanLink[], records: RecordShape[]): Promise<void> {
  const byEdge = new Map<string, PlanLink[]>()
  for (const link of links) pushTo(byEdge, `${link.relation.write.type}|${link.relation.write.direction}`, link)
  for (const edgeLinks of byEdge.values()) {
    const edge = edgeLinks[0].relation.write
    const fromParent = new Map<string, string[]>()
    const fromChild = new Map<string, string[]>()
    for (const link of edgeLinks) {
      const p = records[link.parent].__id
      const c = records[link.child].__id
      pushTo(fromParent, p, c)
      pushTo(fromChild, c, p)
    }
    const flipped: WriteEdge = { type: edge.type, direction: edge.direction === 'out' ? 'in' : 'out' }
    const [groups, groupEdge] = fromChild.size < fromParent.size ? [fromChild, flipped] : [fromParent, edge]
    for (const [source, targets] of groups) await writer.attach(source, [...new Set(targets)], groupEdge)
  }
}

/**
 * Writes a resolved plan: creates new records (one createMany per label), updates changed ones,
 * removes links of records that moved, then writes missing links — as key joins where new
 * children hold their parent's key, else as grouped attaches. Unchanged records and
 * existing links cost no call; appended records that already existed are skipped.
 */
export async function applyPlan(writer: TxWriter, plan: WritePlan, existing: Array<RecordShape | undefined>, state: LinkState): Promise<Applied> {
  const applied: Applied = { records: [], status: [], linksCreated: new Set(), linksMoved: new Set(), relationshipsRemoved: 0 }
  const creates: PlanNode[] = []
  const updates: PlanNode[] = []
  for (const node of plan.nodes) {
    const stored = existing[node.index]
    if (stored) applied.records[node.index] = stored
    if (node.mode === 'ref') applied.status[node.index] = 'referenced'
    else if (!stored) creates.push(node)
    else if (node.mode === 'append') applied.status[node.index] = 'skipped'
    else if (changesRecord(node.props, stored)) updates.push(node)
    else applied.status[node.index] = 'unchanged'
  }
  // One time for the whole write, so every record it changes carries the same stamp.
  const now = writeTime()
  await createRecords(writer, applied, creates, now)
  await updateRecords(writer, applied, updates, existing, now)
  applied.relationshipsRemoved = await removeStale(writer, state)
  for (const s of state.stale) {
    for (const link of plan.links) if (link.relation.key === s.relation.key && (applied.records[link.parent].__id === s.parentId || applied.records[link.child].__id === s.childId)) applied.linksMoved.add(link.index)
  }
  const missing = plan.links.filter(
    (l) => !state.present.has(l.index) && !state.superseded.has(l.index) && applied.status[l.child] !== 'skipped'
  )
  const toAttach = await linkByKeyJoin(writer, missing, applied.records, (node) => applied.status[node] === 'created')
  await attachMissing(writer, toAttach, applied.records)
  for (const link of missing) applied.linksCreated.add(link.index)
  return applied
}
