import type { GraphQLSchema } from 'graphql'
import type { TypeMapping } from '../schema/storage-mapping.js'
import type { MappingLookup } from './compile-where.js'

const cache = new WeakMap<GraphQLSchema, MappingLookup>()

/** Reads storage mappings from the schema's type extensions (`extensions.rushdb`), where they are defined. */
export function lookupFromSchema(schema: GraphQLSchema): MappingLookup {
  let lookup = cache.get(schema)
  if (!lookup) {
    lookup = (typeName: string) => {
      const mapping = schema.getType(typeName)?.extensions?.rushdb as TypeMapping | undefined
      if (!mapping) throw new Error(`type ${typeName} has no RushDB storage mapping`)
      return mapping
    }
    cache.set(schema, lookup)
  }
  return lookup
}
