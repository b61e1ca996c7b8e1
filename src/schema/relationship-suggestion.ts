import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { callRest } from '../loaders/call-rest.js'
import { checkRelationType } from '../writes/link-records.js'
import { propertyNameProblem } from '../writes/property-values.js'
import { badInput } from '../writes/write-errors.js'
import { DEFAULT_RELATION } from './storage-mapping.js'

/** A relationship pattern as RushDB's `/relationships/patterns` endpoints return it (figures optional: plain RushDB has fewer). */
interface PatternShape {
  id: string
  status: 'suggested' | 'approved' | 'ignored' | string
  origin?: string
  source: { label: string; key?: string }
  target: { label: string; key?: string }
  direction: 'in' | 'out'
  type: string
  confidence: number
  rationale?: string
  sampleMatchCount?: number
  sourceRecords?: number
  share?: number
  samples?: Array<{ sourceId: string; targetId: string; value: unknown }>
  appliedCount?: number | null
  created?: number
  decidedAt?: string | null
  createdAt: string
  updatedAt: string
}

const b = builder as any

b.enumType('SuggestionStatus', {
  description: 'SUGGESTED: a draft, nothing in the graph changed; APPROVED: its relationships were created; REJECTED: declined, kept as a record of the decision.',
  values: { SUGGESTED: { value: 'suggested' }, APPROVED: { value: 'approved' }, REJECTED: { value: 'ignored' } }
})

b.objectType('SuggestionEnd', {
  description: 'One side of a suggested join: a label and the property holding the key.',
  fields: (t: any) => ({ label: t.exposeString('label', { nullable: false }), key: t.string({ resolve: (e: { key?: string }) => e.key ?? null }) })
})

b.objectType('SuggestionSample', {
  description: 'A pair of records the join would link, and the value they share.',
  fields: (t: any) => ({
    sourceId: t.exposeID('sourceId', { nullable: false }),
    targetId: t.exposeID('targetId', { nullable: false }),
    value: t.field({ type: 'JSON', nullable: false, resolve: (s: { value: unknown }) => s.value })
  })
})

b.objectType('RelationshipSuggestion', {
  description: "A proposed join between labels: link each source record to the target record whose key equals its key. Drafts change nothing in the graph until approved.",
  fields: (t: any) => ({
    id: t.exposeID('id', { nullable: false }),
    status: t.field({ type: 'SuggestionStatus', nullable: false, resolve: (p: PatternShape) => p.status }),
    origin: t.string({ description: 'key-match: the deterministic analysis (no LLM).', resolve: (p: PatternShape) => p.origin ?? null }),
    source: t.field({ type: 'SuggestionEnd', nullable: false, resolve: (p: PatternShape) => p.source }),
    target: t.field({ type: 'SuggestionEnd', nullable: false, resolve: (p: PatternShape) => p.target }),
    relationshipType: t.string({ nullable: false, description: "The type approval creates (RushDB's default, which the typed relation fields read, unless approved with another).", resolve: (p: PatternShape) => p.type }),
    direction: t.string({ nullable: false, description: 'Seen from the source: in = (target)-[type]->(source), as nested imports point.', resolve: (p: PatternShape) => p.direction }),
    confidence: t.float({ nullable: false, description: 'From 0 to 1: share of source records that would link × name agreement × uniqueness of the target key.', resolve: (p: PatternShape) => p.confidence }),
    rationale: t.string({ resolve: (p: PatternShape) => p.rationale ?? null }),
    matchedRecords: t.int({ description: 'Source records that would link.', resolve: (p: PatternShape) => p.sampleMatchCount ?? null }),
    sourceRecords: t.int({ description: 'Records of the source label.', resolve: (p: PatternShape) => p.sourceRecords ?? null }),
    share: t.float({ description: 'matchedRecords / sourceRecords.', resolve: (p: PatternShape) => p.share ?? null }),
    samples: t.field({ type: ['SuggestionSample'], nullable: false, resolve: (p: PatternShape) => p.samples ?? [] }),
    appliedCount: t.int({ description: 'Relationships the last approval created.', resolve: (p: PatternShape) => p.appliedCount ?? null }),
    decidedAt: t.field({ type: 'DateTime', resolve: (p: PatternShape) => p.decidedAt ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: false, resolve: (p: PatternShape) => p.createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: false, resolve: (p: PatternShape) => p.updatedAt })
  })
})

b.objectType('ApproveSuggestionPayload', {
  description: 'The approved suggestion and how many relationships this approval created (0 when they all existed).',
  fields: (t: any) => ({
    suggestion: t.field({ type: 'RelationshipSuggestion', nullable: false, resolve: (p: PatternShape) => p }),
    created: t.int({ nullable: false, resolve: (p: PatternShape) => p.created ?? p.appliedCount ?? 0 })
  })
})

function checkId(value: unknown): string {
  const id = String(value)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw badInput('id', `expected a suggestion id (a UUID), got "${id.slice(0, 40)}"`)
  return id
}

function checkLabel(label: string | null | undefined): string | undefined {
  if (label === null || label === undefined) return undefined
  const problem = propertyNameProblem(label)
  if (problem) throw badInput('label', problem.replace('property name', 'label'))
  return label
}

async function patterns(ctx: GatewayContext): Promise<PatternShape[]> {
  const data = await callRest<{ patterns?: PatternShape[] }>(ctx, 'GET', '/relationships/patterns')
  return data?.patterns ?? []
}

b.queryFields((t: any) => ({
  relationshipSuggestions: t.field({
    type: ['RelationshipSuggestion'],
    nullable: false,
    description: 'Stored suggestions (drafts and decisions), by source label and confidence.',
    args: { status: t.arg({ type: 'SuggestionStatus' }), label: t.arg.string({ description: 'Only suggestions for this source label.' }) },
    resolve: async (_: unknown, args: { status?: string | null; label?: string | null }, ctx: GatewayContext) => {
      const label = checkLabel(args.label)
      return (await patterns(ctx)).filter((p) => (!args.status || p.status === args.status) && (!label || p.source.label === label))
    }
  })
}))

b.mutationFields((t: any) => ({
  analyzeRelationships: t.field({
    type: ['RelationshipSuggestion'],
    nullable: false,
    description:
      "Proposes how a label's records join the rest of the graph (e.g. EVENT records from an analytics export carrying customerId or an e-mail): deterministic key matching of property values, stored as SUGGESTED drafts. Nothing in the graph changes; decided suggestions keep their decision.",
    args: { label: t.arg.string({ description: 'The source label to analyse (default: every label).' }) },
    resolve: async (_: unknown, args: { label?: string | null }, ctx: GatewayContext) => {
      const label = checkLabel(args.label)
      const data = await callRest<{ patterns: PatternShape[] }>(ctx, 'POST', '/relationships/patterns/analyze', label ? { label } : {})
      return data.patterns
    }
  }),
  approveRelationshipSuggestion: t.field({
    type: 'ApproveSuggestionPayload',
    nullable: false,
    description: 'Approves a suggestion: creates its relationships in batches. Approving again creates only what is missing (records written since), so it is safe to repeat.',
    args: { id: t.arg.id({ required: true }), relationshipType: t.arg.string({ description: `Relationship type to create instead of the suggested one (default ${DEFAULT_RELATION}).` }) },
    resolve: (_: unknown, args: { id: string; relationshipType?: string | null }, ctx: GatewayContext) => {
      const id = checkId(args.id)
      const type = args.relationshipType ? checkRelationType(args.relationshipType, 'relationshipType') : undefined
      return callRest(ctx, 'POST', `/relationships/patterns/${id}/approve`, type ? { type } : {})
    }
  }),
  rejectRelationshipSuggestion: t.field({
    type: 'RelationshipSuggestion',
    nullable: false,
    description: 'Rejects a suggestion: the graph is untouched and the decision is kept (re-analysis does not bring it back as a draft). An approved one cannot be rejected (CONFLICT).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_: unknown, args: { id: string }, ctx: GatewayContext) => callRest(ctx, 'POST', `/relationships/patterns/${checkId(args.id)}/ignore`, {})
  })
}))
