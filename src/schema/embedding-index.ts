import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { callRest } from '../loaders/call-rest.js'
import { propertyNameProblem } from '../writes/property-values.js'
import { badInput } from '../writes/write-errors.js'

/** An embedding index as RushDB's `/ai/indexes` endpoints return it. */
export interface EmbeddingIndexShape {
  id: string
  label: string
  propertyName: string
  modelKey: string
  similarityFunction: string
  dimensions: number
  status: string
  total?: number
  indexed?: number
  pending?: number
  failed?: number
  lastError?: string | null
  createdAt: string
  updatedAt: string
}

const b = builder as any

b.enumType('EmbeddingIndexStatus', {
  description: 'BUILDING: records are being embedded (pending > 0); READY: every record with text has a vector; FAILED: the embedding provider failed (see lastError), retried on the next search or write.',
  values: { BUILDING: { value: 'building' }, READY: { value: 'ready' }, FAILED: { value: 'failed' } }
})

b.objectType('EmbeddingIndex', {
  description: "A managed embedding index on one label's text property: records are embedded as they are written, existing ones back-filled in batches.",
  fields: (t: any) => ({
    id: t.exposeID('id', { nullable: false }),
    label: t.exposeString('label', { nullable: false, description: 'The RushDB label indexed (e.g. SUPPORT_TICKET).' }),
    property: t.exposeString('propertyName', { nullable: false, description: 'The text property embedded (e.g. body).' }),
    model: t.exposeString('modelKey', { nullable: false, description: 'The embedder (hashed-char-ngram-384 is the built-in LEXICAL embedder; openai:<model> an OpenAI-compatible endpoint).' }),
    similarity: t.exposeString('similarityFunction', { nullable: false }),
    dimensions: t.exposeInt('dimensions', { nullable: false }),
    status: t.field({ type: 'EmbeddingIndexStatus', nullable: false, resolve: (i: EmbeddingIndexShape) => i.status }),
    total: t.int({ description: 'Records of the label with text in the property.', resolve: (i: EmbeddingIndexShape) => i.total ?? null }),
    indexed: t.int({ description: 'Of those, records whose current text is embedded.', resolve: (i: EmbeddingIndexShape) => i.indexed ?? null }),
    pending: t.int({ description: 'Records still to embed (new, changed, or back-fill in progress).', resolve: (i: EmbeddingIndexShape) => i.pending ?? null }),
    failed: t.int({ description: 'Records left unembedded by the last provider failure.', resolve: (i: EmbeddingIndexShape) => i.failed ?? null }),
    lastError: t.string({ resolve: (i: EmbeddingIndexShape) => i.lastError ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: false, resolve: (i: EmbeddingIndexShape) => i.createdAt }),
    updatedAt: t.field({ type: 'DateTime', nullable: false, resolve: (i: EmbeddingIndexShape) => i.updatedAt })
  })
})

b.objectType('DropEmbeddingIndexPayload', {
  description: 'The index that was dropped, with its vectors.',
  fields: (t: any) => ({ id: t.exposeID('id', { nullable: false }), dropped: t.exposeBoolean('dropped', { nullable: false }) })
})

function checkName(value: string, field: string): string {
  const problem = propertyNameProblem(value)
  if (problem) throw badInput(field, problem.replace('property name', field))
  return value
}

function checkId(value: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw badInput('id', `expected an index id (a UUID), got "${value.slice(0, 40)}"`)
  return value
}

b.queryFields((t: any) => ({
  embeddingIndexes: t.field({
    type: ['EmbeddingIndex'],
    nullable: false,
    description: 'Every embedding index with its state and counts.',
    resolve: (_: unknown, __: unknown, ctx: GatewayContext) => callRest(ctx, 'GET', '/ai/indexes')
  }),
  embeddingIndex: t.field({
    type: 'EmbeddingIndex',
    description: 'One embedding index by id, with its progress (null when there is none).',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
      const all = await callRest<EmbeddingIndexShape[]>(ctx, 'GET', '/ai/indexes')
      return all.find((i) => i.id === checkId(String(args.id))) ?? null
    }
  })
}))

b.mutationFields((t: any) => ({
  createEmbeddingIndex: t.field({
    type: 'EmbeddingIndex',
    nullable: false,
    description:
      'Creates a managed embedding index on a text property (e.g. SUPPORT_TICKET.body, EVENT.description) with the configured embedder. It starts BUILDING and back-fills existing records in batches; records written later are embedded as they land. Searching it: searchTickets, searchEvents.',
    args: { label: t.arg.string({ required: true }), property: t.arg.string({ required: true }) },
    resolve: (_: unknown, args: { label: string; property: string }, ctx: GatewayContext) =>
      callRest(ctx, 'POST', '/ai/indexes', { label: checkName(args.label, 'label'), propertyName: checkName(args.property, 'property') })
  }),
  dropEmbeddingIndex: t.field({
    type: 'DropEmbeddingIndexPayload',
    nullable: false,
    description: 'Drops an embedding index and its vectors; the records are untouched.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
      const id = checkId(String(args.id))
      await callRest(ctx, 'DELETE', `/ai/indexes/${encodeURIComponent(id)}`)
      return { id, dropped: true }
    }
  })
}))
