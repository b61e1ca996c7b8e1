import type { TypeMapping } from '../schema/storage-mapping.js'
import type { Draft, FlattenOptions } from './flatten-record.js'
import { describe } from './property-values.js'
import { writeMode } from './write-catalog.js'
import type { Identity } from './write-plan.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

type Found = { identity: Identity } | { problem: string }

/** The properties that identify a typed record globally: its natural key, then alternates. */
export function globalKeys(mapping: TypeMapping): string[] {
  return [...(mapping.naturalKey ? [mapping.naturalKey] : []), ...(mapping.alternateKeys ?? [])]
}

function isKeyValue(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function cycleProblem(draft: Draft, keys: Record<string, unknown>, ancestors: readonly Draft[]): string | undefined {
  const [[name, value]] = Object.entries(keys)
  const again = ancestors.some((a) => a.label === draft.label && a.identity.kind === 'key' && a.identity.keys[name] === value)
  return again ? `is ${draft.label} ${name}=${JSON.stringify(value)} again, nested inside itself (a cycle); name it once` : undefined
}

function typedIdentity(draft: Draft, mapping: TypeMapping, ancestors: readonly Draft[]): Found {
  for (const key of globalKeys(mapping)) {
    if (!(key in draft.props)) continue
    const value = draft.props[key]
    if (!isKeyValue(value)) return { problem: `${key} identifies the record and must be a non-empty string, got ${describe(value)}` }
    const keys = { [key]: value }
    const cycle = cycleProblem(draft, keys, ancestors)
    return cycle ? { problem: cycle } : { identity: { kind: 'key', keys } }
  }
  const names = globalKeys(mapping)
  if (draft.parents.length > 0 && names.length > 0 && !canBelongToParent(mapping)) return { problem: `needs its ${names.join(' or ')}` }
  if (draft.parents.length > 0) {
    const match = (mapping.matchBy ?? []).filter((k) => k in draft.props && draft.props[k] !== null)
    return { identity: { kind: 'scoped', match: match.length > 0 ? match : null } }
  }
  if (canBelongToParent(mapping)) {
    const parents = Object.entries(mapping.relations).filter(([, r]) => writeMode(r) === 'ref').map(([n]) => n)
    const key = names.length > 0 ? `its ${names.join(' or ')}, or ` : ''
    return { problem: `needs ${key}the ${parents.join(' or ')} it belongs to, so it can be found again on the next import` }
  }
  return { problem: `needs its ${names.join(' or ')}` }
}

/** Records with a reference relation (a ticket's customer) may be matched within that parent. */
function canBelongToParent(mapping: TypeMapping): boolean {
  return Object.values(mapping.relations).some((r) => writeMode(r) === 'ref')
}

function genericIdentity(draft: Draft, options: FlattenOptions, ancestors: readonly Draft[]): Found {
  if (ancestors.length === 0 && options.mergeBy && options.mergeBy.length > 0) {
    const keys: Record<string, string | number | boolean> = {}
    for (const key of options.mergeBy) {
      const value = draft.props[key]
      if (value === undefined || value === null || Array.isArray(value)) {
        return { problem: `mergeBy key "${key}" must be present with a string, number or boolean value, got ${describe(value)}` }
      }
      keys[key] = value
    }
    return { identity: { kind: 'key', keys } }
  }
  return { identity: draft.parents.length > 0 ? { kind: 'scoped', match: null } : { kind: 'none' } }
}

/** How a draft is found again: typed records by their keys, others by mergeBy keys or content. */
export function draftIdentity(draft: Draft, options: FlattenOptions, ancestors: readonly Draft[]): Found {
  return draft.mapping ? typedIdentity(draft, draft.mapping, ancestors) : genericIdentity(draft, options, ancestors)
}

/** A reference to an existing record: `{id}` or `{<naturalKey>}` (or an alternate key), exactly one. */
export function refDraft(mapping: TypeMapping, value: unknown, path: string): { draft: Draft } | { problem: string } {
  const ways = ['id', ...globalKeys(mapping)]
  const usage = `name an existing ${mapping.name} by exactly one of ${ways.join(', ')}`
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { problem: `must ${usage}, got ${describe(value)}` }
  const given = Object.entries(value).filter(([, v]) => v !== undefined && v !== null)
  const unknown = given.find(([k]) => !ways.includes(k))
  if (unknown) return { problem: `${unknown[0]} cannot name a ${mapping.name}; ${usage}` }
  if (given.length !== 1) return { problem: usage }
  const [[key, v]] = given
  if (!isKeyValue(v)) return { problem: `${key} must be a non-empty string, got ${describe(v)}` }
  if (key === 'id' && !UUID.test(v)) return { problem: `id must be a record id (a UUID), got ${describe(v)}` }
  const identity: Identity = key === 'id' ? { kind: 'id', id: v.toLowerCase() } : { kind: 'key', keys: { [key]: v } }
  return { draft: { label: mapping.label, mapping, props: {}, mode: 'ref', identity, path, parents: [] } }
}
