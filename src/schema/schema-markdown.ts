import { builder } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { callRest } from '../loaders/call-rest.js'
import { propertyNameProblem } from '../writes/property-values.js'
import { badInput, joinPath } from '../writes/write-errors.js'

/** Reads the live graph's schema description (RushDB `POST /ai/schema/md`): one RushDB call. */
export async function readSchemaMarkdown(ctx: GatewayContext, labels?: readonly string[] | null): Promise<string> {
  labels?.forEach((label, i) => {
    const problem = propertyNameProblem(label)
    if (problem) throw badInput(joinPath('labels', i), problem.replace('property name', 'label'))
  })
  const markdown = await callRest<unknown>(ctx, 'POST', '/ai/schema/md', labels?.length ? { labels } : {})
  if (typeof markdown !== 'string') throw new Error('RushDB answered /ai/schema/md without a markdown string')
  return markdown
}

builder.queryFields((t) => ({
  schemaMarkdown: t.field({
    type: 'String',
    nullable: false,
    description:
      'The live graph described for an LLM prompt, as RushDB describes it (Markdown): labels with record counts, each property with its type and sample values or range and its semantic-search index, and relationship patterns with counts. Also served as text at GET /schema.md.',
    args: { labels: t.arg.stringList({ description: 'Only these labels (default: every label).' }) },
    resolve: (_root, args, ctx) => readSchemaMarkdown(ctx, args.labels)
  })
}))
