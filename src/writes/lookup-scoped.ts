import type { RecordShape } from '../builder.js'
import { compileRelation } from '../resolvers/compile-relation.js'
import { inverseEdges } from '../schema/storage-mapping.js'
import { changeStampProperty } from './change-stamp.js'
import { globalKeys } from './draft-identity.js'
import { sameValue } from './property-values.js'
import type { LinkRelation } from './write-catalog.js'
import type { PlanNode, WritePlan } from './write-plan.js'
import { PAGE_MAX, type TxWriter } from './tx-writer.js'

/**
 * The user properties of a stored record (system keys start with `__`), less the change stamp when
 * the incoming record does not set it: the gateway wrote it, so it is not part of the content.
 */
function ownKeys(record: RecordShape, node: PlanNode): string[] {
  const stamp = changeStampProperty(node.mapping)
  return Object.keys(record).filter((k) => !k.startsWith('__') && !(k === stamp && !(k in node.props)))
}

function matches(node: PlanNode, candidate: RecordShape): boolean {
  if (node.mapping && globalKeys(node.mapping).some((k) => candidate[k] !== undefined && candidate[k] !== null)) return false
  const id = node.identity as { match: string[] | null }
  if (id.match) return id.match.every((k) => sameValue(candidate[k], node.props[k]))
  const keys = Object.keys(node.props)
  const own = ownKeys(candidate, node)
  return own.length === keys.length && keys.every((k) => k in candidate && sameValue(candidate[k], node.props[k]))
}

/**
 * Each parent's current records of a link's child label. Asked from the child side (children
 * related to these parents, each with its parents collected), which stays an index walk from the
 * parents; collecting from the parent side would scan every record of the child label.
 */
export async function childrenOf(writer: TxWriter, relation: LinkRelation, parentIds: string[]): Promise<Map<string, RecordShape[]>> {
  const out = new Map<string, RecordShape[]>()
  const back = compileRelation(inverseEdges(relation.match))
  for (let i = 0; i < parentIds.length; i += PAGE_MAX) {
    const part = parentIds.slice(i, i + PAGE_MAX)
    const wanted = new Set(part)
    const rows = await writer.findAll({
      labels: [relation.childLabel],
      where: { [relation.parentLabel]: { $relation: back, $id: { $in: part } } },
      orderBy: { __id: 'asc' },
      select: { parents: { $collect: { label: relation.parentLabel, relation: back } } }
    })
    for (const row of rows) {
      const { parents, ...child } = row
      for (const parent of (parents as RecordShape[] | undefined) ?? []) {
        if (!wanted.has(parent.__id)) continue
        const list = out.get(parent.__id)
        if (list) list.push(child as RecordShape)
        else out.set(parent.__id, [child as RecordShape])
      }
    }
  }
  return out
}

/**
 * Matches records identified within their parent (an invoice by month in its subscription, a
 * keyless ticket by content in its customer) against the parent's current records of that label,
 * level by level (a subscription's invoices once the subscription is known). A record without
 * a natural key never matches a record that has one; each stored record is claimed once.
 */
export async function lookupScoped(writer: TxWriter, plan: WritePlan, existing: Array<RecordShape | undefined>): Promise<Set<number>> {
  const matchedViaScope = new Set<number>()
  let pending = plan.nodes.filter((n) => n.identity.kind === 'scoped')
  const decided = new Set<number>(plan.nodes.filter((n) => n.identity.kind !== 'scoped').map((n) => n.index))
  while (pending.length > 0) {
    const ready = pending.filter((n) => decided.has(plan.links[n.scopeLink!].parent))
    if (ready.length === 0) throw new Error('write plan: scoped records without a resolvable parent')
    const groups = new Map<string, { relation: LinkRelation; nodes: PlanNode[] }>()
    for (const node of ready) {
      const link = plan.links[node.scopeLink!]
      if (existing[link.parent] === undefined) continue
      const group = groups.get(link.relation.key) ?? { relation: link.relation, nodes: [] }
      group.nodes.push(node)
      groups.set(link.relation.key, group)
    }
    for (const { relation, nodes } of groups.values()) {
      const parentIds = [...new Set(nodes.map((n) => existing[plan.links[n.scopeLink!].parent]!.__id))]
      const children = await childrenOf(writer, relation, parentIds)
      const claimed = new Set<string>()
      for (const node of nodes) {
        const parentId = existing[plan.links[node.scopeLink!].parent]!.__id
        const found = (children.get(parentId) ?? []).find((c) => c.__label === node.label && !claimed.has(c.__id) && matches(node, c))
        if (found) {
          claimed.add(found.__id)
          existing[node.index] = found
          matchedViaScope.add(node.index)
        }
      }
    }
    for (const node of ready) decided.add(node.index)
    pending = pending.filter((n) => !decided.has(n.index))
  }
  return matchedViaScope
}
