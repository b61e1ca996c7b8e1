import type { GraphQLSchema } from 'graphql'
import { builder, type RecordShape } from '../builder.js'
import { catalogFromSchema } from '../writes/write-catalog.js'

const b = builder as any

function userProperties(record: RecordShape): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!k.startsWith('__')) out[k] = v
  return out
}

/** A record of a label the typed schema does not know yet (written by `importRecords`). */
export const GenericRecord = builder.objectRef<RecordShape>('GenericRecord')

GenericRecord.implement({
  description: 'A record of a label the typed schema does not cover (yet): its id, label and every property.',
  fields: (t) => ({
    id: t.id({ nullable: false, description: 'The RushDB record id.', resolve: (r) => r.__id }),
    label: t.string({ description: 'The RushDB label.', resolve: (r) => r.__label ?? null }),
    properties: t.field({ type: 'JSON', nullable: false, description: 'Every stored property.', resolve: userProperties })
  })
})

/** Every record type of the schema, plus GenericRecord for the rest. */
export function defineAnyRecord(typeNames: readonly string[]): void {
  b.unionType('AnyRecord', {
    description: 'Any record: its typed type when its label has one (Customer, Ticket, …), else GenericRecord.',
    types: [...typeNames, 'GenericRecord'],
    resolveType: (record: RecordShape, _ctx: unknown, info: { schema: GraphQLSchema }) =>
      (record.__label && catalogFromSchema(info.schema).byLabel(record.__label)?.name) || 'GenericRecord'
  })
}

/** Which way a relationship points, seen from the `from` record. */
export const RelationDirection = builder.enumType('RelationDirection', {
  description: 'OUT: (from)-[type]->(to). IN: (to)-[type]->(from).',
  values: { OUT: { value: 'out' }, IN: { value: 'in' } } as const
})
