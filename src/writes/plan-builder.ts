import type { TypeMapping } from '../schema/storage-mapping.js'
import { refDraft } from './draft-identity.js'
import { flattenPayload, type Draft, type FlattenOptions } from './flatten-record.js'
import { genericLink, type LinkRelation, type WriteEdge } from './write-catalog.js'
import { badInput, inputError, joinPath } from './write-errors.js'
import type { PlanLink, PlanNode, PlanRoot, WritePlan } from './write-plan.js'

/** Links every root record to an existing record named by one of its own properties (generic imports). */
export interface LinkToSpec {
  label: string
  /** The root's property whose value names the record, and the property matched on that record. */
  key: string
  /** The edge, seen from the named record: `out` is (named)-[type]->(imported). */
  edge: WriteEdge
}

/** Options of a plan: how payloads are read, plus limits and links. */
export interface PlanOptions extends FlattenOptions {
  /** Most records one plan may hold (children included). */
  maxRecords: number
  linkTo?: LinkToSpec
}

const PRIORITY = { ref: 0, append: 1, upsert: 2 } as const

/** The identity string of a record named by key values (one key, the common case, without sorting). */
function keyIdentity(label: string, keys: Record<string, unknown>): string {
  const names = Object.keys(keys)
  if (names.length === 1) return `k|${label}|${names[0]}|${typeof keys[names[0]]}|${String(keys[names[0]])}`
  return `k|${label}|${JSON.stringify(names.sort().map((n) => [n, keys[n]]))}`
}

/**
 * Collects payloads into one de-duplicated write plan: a record named twice (the same account under
 * two customers, the same customer in two payloads) becomes one record whose properties merge in
 * input order, and each relationship is kept once. `add` is all-or-nothing per payload.
 */
export class PlanBuilder {
  private readonly nodes: PlanNode[] = []
  private readonly links: PlanLink[] = []
  private readonly roots: PlanRoot[] = []
  private readonly byIdentity = new Map<string, number>()
  private readonly byLink = new Map<string, number>()

  constructor(private readonly options: PlanOptions) {}

  /** Reads one root payload of `label` at `path`; throws a BAD_USER_INPUT error naming every problem (the plan is then unchanged). */
  add(label: string, value: unknown, path: string): PlanRoot {
    const extra = this.linkToParents(label, value, path)
    const { root, drafts, problems } = flattenPayload(label, value, path, this.options, extra)
    if (problems.length > 0 || !root) throw inputError(problems)
    if (this.nodes.length + drafts.length > this.options.maxRecords) {
      throw badInput(path, `this write would hold more than ${this.options.maxRecords} records; split it into smaller batches`)
    }
    return this.commit(root, drafts)
  }

  /** Records in the plan so far. */
  get size(): number {
    return this.nodes.length
  }

  /** Payloads in the plan so far. */
  get payloads(): number {
    return this.roots.length
  }

  /** The plan so far. */
  build(): WritePlan {
    return { nodes: this.nodes, links: this.links, roots: this.roots }
  }

  private linkToParents(label: string, value: unknown, path: string): Draft['parents'] {
    const spec = this.options.linkTo
    if (!spec || typeof value !== 'object' || value === null || Array.isArray(value)) return []
    const at = joinPath(path, spec.key)
    const keyValue = (value as Record<string, unknown>)[spec.key]
    const mapping: TypeMapping | undefined = this.options.catalog.byLabel(spec.label)
    let parent: Draft
    if (mapping) {
      const ref = refDraft(mapping, { [spec.key]: keyValue }, at)
      if ('problem' in ref) throw badInput(at, ref.problem.replace(/^must /, `must be present to link to a ${spec.label}: `))
      parent = ref.draft
    } else {
      if (typeof keyValue !== 'string' || keyValue === '') throw badInput(at, `must be a non-empty string naming the ${spec.label} record to link to`)
      parent = { label: spec.label, mapping: undefined, props: {}, mode: 'ref', identity: { kind: 'key', keys: { [spec.key]: keyValue } }, path: at, parents: [] }
    }
    const relation: LinkRelation = genericLink(spec.label, label, spec.edge)
    return [{ relation, parent, path: at }]
  }

  private commit(rootDraft: Draft, drafts: Draft[]): PlanRoot {
    const local = new Map<Draft, number>()
    const touchedLinks = new Set<number>()
    for (const draft of drafts) {
      const index = this.place(draft, local)
      local.set(draft, index)
      draft.parents.forEach((p, i) => {
        const link = this.linkOf(local.get(p.parent)!, index, p.relation, p.path)
        touchedLinks.add(link)
        if (i === 0 && this.nodes[index].identity.kind === 'scoped' && this.nodes[index].scopeLink === undefined) this.nodes[index].scopeLink = link
      })
    }
    const root: PlanRoot = { node: local.get(rootDraft)!, nodes: [...new Set(local.values())], links: [...touchedLinks] }
    this.roots.push(root)
    return root
  }

  /** The node a draft becomes: an existing one with the same identity (merged), or a new one. */
  private place(draft: Draft, local: Map<Draft, number>): number {
    const lookup = this.identityKey(draft, local)
    const found = lookup === undefined ? undefined : this.byIdentity.get(lookup)
    if (found !== undefined) {
      const node = this.nodes[found]
      Object.assign(node.props, draft.props)
      if (PRIORITY[draft.mode] > PRIORITY[node.mode]) node.mode = draft.mode
      return found
    }
    const index = this.nodes.length
    const node: PlanNode = { index, label: draft.label, mapping: draft.mapping, props: { ...draft.props }, mode: draft.mode, identity: draft.identity, path: draft.path }
    const alternates = this.alternatesOf(draft)
    if (alternates) node.alternates = alternates
    this.nodes.push(node)
    if (lookup !== undefined) this.byIdentity.set(lookup, index)
    for (const [name, value] of Object.entries(alternates ?? {})) {
      const key = keyIdentity(draft.label, { [name]: value })
      if (!this.byIdentity.has(key)) this.byIdentity.set(key, index)
    }
    return index
  }

  private alternatesOf(draft: Draft): Record<string, string> | undefined {
    if (!draft.mapping || draft.identity.kind !== 'key' || !draft.mapping.alternateKeys) return undefined
    const out: Record<string, string> = {}
    for (const name of draft.mapping.alternateKeys) {
      const value = draft.props[name]
      if (typeof value === 'string' && value !== '' && !(name in draft.identity.keys)) out[name] = value
    }
    return Object.keys(out).length > 0 ? out : undefined
  }

  private identityKey(draft: Draft, local: Map<Draft, number>): string | undefined {
    const id = draft.identity
    switch (id.kind) {
      case 'key':
        return keyIdentity(draft.label, id.keys)
      case 'id':
        return `i|${id.id}`
      case 'scoped': {
        const scope = draft.parents[0]
        const parent = local.get(scope.parent)
        const values = id.match ? id.match.map((k) => draft.props[k]) : Object.entries(draft.props).sort(([a], [b]) => (a < b ? -1 : 1))
        return `s|${draft.label}|${parent}|${scope.relation.key}|${JSON.stringify(values)}`
      }
      case 'none':
        return undefined
    }
  }

  private linkOf(parent: number, child: number, relation: LinkRelation, path: string): number {
    const key = `${parent}|${child}|${relation.key}`
    let index = this.byLink.get(key)
    if (index === undefined) {
      index = this.links.length
      this.links.push({ index, parent, child, relation, path })
      this.byLink.set(key, index)
    }
    return index
  }
}
