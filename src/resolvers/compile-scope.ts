import type { GraphQLResolveInfo } from 'graphql'
import type { BackendProfile } from '../rushdb/backend-profile.js'
import type { CompileScope, PageLimits } from './compile-selection.js'
import { lookupFromSchema } from './mapping-lookup.js'

/** The compile scope of the operation a resolver runs in, for a backend with `profile`. */
export function compileScopeOf(info: GraphQLResolveInfo, limits: PageLimits, profile: BackendProfile): CompileScope {
  return {
    schema: info.schema,
    fragments: info.fragments,
    variableValues: info.variableValues,
    lookup: lookupFromSchema(info.schema),
    limits,
    profile
  }
}
