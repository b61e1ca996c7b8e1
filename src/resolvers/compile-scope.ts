import type { GraphQLResolveInfo } from 'graphql'
import type { PageLimits } from './compile-selection.js'
import type { CompileScope } from './compile-selection.js'
import { lookupFromSchema } from './mapping-lookup.js'

/** The compile scope of the operation a resolver runs in. */
export function compileScopeOf(info: GraphQLResolveInfo, limits: PageLimits): CompileScope {
  return {
    schema: info.schema,
    fragments: info.fragments,
    variableValues: info.variableValues,
    lookup: lookupFromSchema(info.schema),
    limits
  }
}
