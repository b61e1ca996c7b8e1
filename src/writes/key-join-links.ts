import type { RecordShape } from '../builder.js'
import { canLinkByKey, linkByKey, type KeyJoinSpec } from './bulk-link.js'
import type { PlanLink } from './write-plan.js'
import { PAGE_MAX, type TxWriter } from './tx-writer.js'

/** Key types RushDB's key join compares (and the engine's: strings and numbers). */
const JOINABLE = new Set(['string', 'number'])

function typeOf(record: RecordShape, key: string): string | undefined {
  return (record.__proptypes as Record<string, string> | undefined)?.[key]
}

/**
 * The group a missing link joins, or undefined when a key join would not write exactly it: the
 * relation must name a join key, the child be created by this write (so it has no edges a join
 * could disturb) and both records hold the same key value, of the same joinable type.
 */
function joinGroup(link: PlanLink, records: RecordShape[], created: (node: number) => boolean): string | undefined {
  const keys = link.relation.joinKey
  if (keys === undefined || !created(link.child)) return undefined
  const parent = records[link.parent]
  const child = records[link.child]
  const type = typeOf(child, keys.child)
  if (child[keys.child] === undefined || child[keys.child] !== parent[keys.parent] || type === undefined || !JOINABLE.has(type) || typeOf(parent, keys.parent) !== type) return undefined
  const { relation } = link
  return `${relation.write.type}|${relation.write.direction}|${relation.parentLabel}|${relation.childLabel}|${keys.parent}|${keys.child}`
}

/** Splits a group into links whose key value names one parent (joinable) and the rest. */
function unambiguous(links: PlanLink[], records: RecordShape[], key: string): { joined: PlanLink[]; rest: PlanLink[] } {
  const parentOf = new Map<unknown, Set<string>>()
  for (const link of links) {
    const value = records[link.child][key]
    const ids = parentOf.get(value) ?? new Set()
    ids.add(records[link.parent].__id)
    parentOf.set(value, ids)
  }
  const joined: PlanLink[] = []
  const rest: PlanLink[] = []
  for (const link of links) (parentOf.get(records[link.child][key])!.size === 1 ? joined : rest).push(link)
  return { joined, rest }
}

function specOf(links: PlanLink[], records: RecordShape[]): KeyJoinSpec {
  const { relation } = links[0]
  return {
    parentLabel: relation.parentLabel,
    childLabel: relation.childLabel,
    parentKey: relation.joinKey!.parent,
    childKey: relation.joinKey!.child,
    edge: relation.write,
    parentIds: [...new Set(links.map((l) => records[l.parent].__id))],
    childIds: [...new Set(links.map((l) => records[l.child].__id))]
  }
}

/**
 * Writes the missing links that a key join expresses exactly — new children holding their
 * parent's key (events by customerId) — as one `create-many` per edge, labels and key (per 1,000
 * children), instead of one attach per parent. Returns the links left to attach: those no key
 * join covers, or all of them when the server has no such route.
 */
export async function linkByKeyJoin(writer: TxWriter, links: PlanLink[], records: RecordShape[], created: (node: number) => boolean): Promise<PlanLink[]> {
  if (!canLinkByKey(writer.db)) return links
  const groups = new Map<string, PlanLink[]>()
  const rest: PlanLink[] = []
  for (const link of links) {
    const group = joinGroup(link, records, created)
    if (group === undefined) rest.push(link)
    else if (groups.has(group)) groups.get(group)!.push(link)
    else groups.set(group, [link])
  }
  const pending: PlanLink[][] = []
  for (const group of groups.values()) {
    const split = unambiguous(group, records, group[0].relation.joinKey!.child)
    rest.push(...split.rest)
    for (let i = 0; i < split.joined.length; i += PAGE_MAX) pending.push(split.joined.slice(i, i + PAGE_MAX))
  }
  for (let i = 0; i < pending.length; i++) {
    if (!(await linkByKey(writer, specOf(pending[i], records)))) return [...rest, ...pending.slice(i).flat()]
  }
  return rest
}
