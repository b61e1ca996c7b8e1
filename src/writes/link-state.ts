import type { RecordShape } from '../builder.js'
import { compileRelation } from '../resolvers/compile-relation.js'
import { inverseEdges } from '../schema/storage-mapping.js'
import { childrenOf } from './lookup-scoped.js'
import type { LinkRelation } from './write-catalog.js'
import type { PlanLink, WritePlan } from './write-plan.js'
import { PAGE_MAX, type TxWriter } from './tx-writer.js'

/** A relationship to remove because its record moved (a customer's new account, a ticket's new customer). */
export interface StaleLink {
  parentId: string
  childId: string
  relation: LinkRelation
}

/** What storage already holds of a plan's links. */
export interface LinkState {
  /** Links that exist already (by any of their matching edges). */
  present: Set<number>
  /** Links that a later link of the same single-valued relation replaces. */
  superseded: Set<number>
  stale: StaleLink[]
}

async function parentsOf(writer: TxWriter, relation: LinkRelation, childIds: string[]): Promise<Map<string, RecordShape[]>> {
  const out = new Map<string, RecordShape[]>()
  for (let i = 0; i < childIds.length; i += PAGE_MAX) {
    const rows = await writer.findAll({
      labels: [relation.childLabel],
      where: { $id: { $in: childIds.slice(i, i + PAGE_MAX) } },
      select: { items: { $collect: { label: relation.parentLabel, relation: compileRelation(inverseEdges(relation.match)) } } }
    })
    for (const row of rows) out.set(row.__id, (row.items as RecordShape[] | undefined) ?? [])
  }
  return out
}

/** Later links win on single-valued sides: a customer named with two accounts in one write keeps the last. */
function supersededLinks(plan: WritePlan): Set<number> {
  const lastByParent = new Map<string, number>()
  const lastByChild = new Map<string, number>()
  for (const link of plan.links) {
    if (link.relation.parentOne) lastByParent.set(`${link.relation.key}|${link.parent}`, link.index)
    if (link.relation.childOne) lastByChild.set(`${link.relation.key}|${link.child}`, link.index)
  }
  const out = new Set<number>()
  for (const link of plan.links) {
    if (link.relation.parentOne && lastByParent.get(`${link.relation.key}|${link.parent}`) !== link.index) out.add(link.index)
    if (link.relation.childOne && lastByChild.get(`${link.relation.key}|${link.child}`) !== link.index) out.add(link.index)
  }
  return out
}

/**
 * Reads the current neighbours of the plan's existing records — from the single-valued side of
 * each link kind, or from the child when neither side is — to tell which links already exist and
 * which old ones a single-valued relation must drop. Appended records that already existed are
 * left alone; records matched within their parent are linked to it by construction.
 */
export async function linkState(
  writer: TxWriter, plan: WritePlan, existing: Array<RecordShape | undefined>, matchedViaScope: Set<number>, skipped: Set<number>
): Promise<LinkState> {
  const state: LinkState = { present: new Set(), superseded: supersededLinks(plan), stale: [] }
  const fromChild = new Map<string, { relation: LinkRelation; links: PlanLink[] }>()
  const fromParent = new Map<string, { relation: LinkRelation; links: PlanLink[] }>()
  const add = (map: typeof fromChild, link: PlanLink) => {
    const group = map.get(link.relation.key) ?? { relation: link.relation, links: [] }
    group.links.push(link)
    map.set(link.relation.key, group)
  }
  for (const link of plan.links) {
    if (skipped.has(link.child) || state.superseded.has(link.index)) continue
    const parentExists = existing[link.parent] !== undefined
    const childExists = existing[link.child] !== undefined
    if (matchedViaScope.has(link.child) && plan.nodes[link.child].scopeLink === link.index) state.present.add(link.index)
    if (link.relation.parentOne && parentExists) add(fromParent, link)
    if (childExists && (link.relation.childOne || (!link.relation.parentOne && parentExists))) add(fromChild, link)
  }
  for (const { relation, links } of fromParent.values()) {
    const current = await childrenOf(writer, relation, [...new Set(links.map((l) => existing[l.parent]!.__id))])
    for (const link of links) {
      const parentId = existing[link.parent]!.__id
      const childId = existing[link.child]?.__id
      for (const other of current.get(parentId) ?? []) {
        if (other.__id === childId) state.present.add(link.index)
        else state.stale.push({ parentId, childId: other.__id, relation })
      }
    }
  }
  for (const { relation, links } of fromChild.values()) {
    const current = await parentsOf(writer, relation, [...new Set(links.map((l) => existing[l.child]!.__id))])
    for (const link of links) {
      const childId = existing[link.child]!.__id
      const parentId = existing[link.parent]?.__id
      for (const other of current.get(childId) ?? []) {
        if (other.__id === parentId) state.present.add(link.index)
        else if (relation.childOne) state.stale.push({ parentId: other.__id, childId, relation })
      }
    }
  }
  return state
}
