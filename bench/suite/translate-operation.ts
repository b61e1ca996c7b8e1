import {
  getArgumentValues,
  getVariableValues,
  Kind,
  parse,
  validate,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode
} from 'graphql'
import type { GatewayConfig } from '../../src/config.js'
import type { GatewayContext } from '../../src/context.js'
import { groupByQuery, type GroupByArgs } from '../../src/loaders/aggregate-queries.js'
import { keysetQuery, pageRequest, type ConnectionArgs } from '../../src/loaders/connection-page.js'
import { listQuery, lookupQuery } from '../../src/loaders/root-queries.js'
import type { GatewaySearchQuery } from '../../src/resolvers/search-query.js'
import { backendProfile } from '../../src/rushdb/backend-profile.js'
import type { TypeMapping } from '../../src/schema/storage-mapping.js'

/** One root field of an operation, ready to be compiled again and again. */
export interface RootTranslation {
  field: string
  /** GraphQL (field, arguments, nested selection) → the field's one SearchQuery, exactly as its resolver compiles it. */
  compile(): GatewaySearchQuery
}

type RootKind = { mapping: TypeMapping; kind: 'list' | 'lookup' | 'connection' | 'groupBy' }

function rootKinds(schema: GraphQLSchema): Map<string, RootKind> {
  const kinds = new Map<string, RootKind>()
  for (const type of Object.values(schema.getTypeMap())) {
    const mapping = type.extensions?.rushdb as TypeMapping | undefined
    if (!mapping?.rootPlural) continue
    kinds.set(mapping.rootPlural, { mapping, kind: 'list' })
    kinds.set(mapping.rootSingular, { mapping, kind: 'lookup' })
    kinds.set(`${mapping.rootPlural}Connection`, { mapping, kind: 'connection' })
    kinds.set(`${mapping.rootPlural}GroupBy`, { mapping, kind: 'groupBy' })
  }
  return kinds
}

/**
 * Prepares the translation step of each root field of a query operation, as the gateway runs it
 * inside the field's resolver: the request is parsed, validated and its variables and arguments
 * coerced once (that is graphql-js's work before any resolver runs); `compile()` is then the
 * gateway's own GraphQL → SearchQuery compilation (selection walk, filters, order, cursors, folding),
 * the same functions the resolvers call before their one SDK call.
 */
export function translateOperation(schema: GraphQLSchema, config: GatewayConfig, query: string, variables: Record<string, unknown>): RootTranslation[] {
  const document = parse(query)
  const errors = validate(schema, document)
  if (errors.length > 0) throw new Error(`invalid operation: ${errors.map((e) => e.message).join('; ')}`)
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!
  const fragments: Record<string, FragmentDefinitionNode> = {}
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables)
  if (coerced.errors) throw new Error(coerced.errors.map((e) => e.message).join('; '))
  const queryType = schema.getQueryType() as GraphQLObjectType
  const kinds = rootKinds(schema)
  const ctx = { config, backend: { profile: backendProfile(config.backend.profile) } } as unknown as GatewayContext
  return operation.selectionSet.selections
    .filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename')
    .map((node) => {
      const name = node.name.value
      const def = queryType.getFields()[name]
      const root = kinds.get(name)
      if (!def || !root) throw new Error(`${name} is not a record root field`)
      const args = getArgumentValues(def, node, coerced.coerced) as Record<string, any>
      const info = { schema, fragments, variableValues: coerced.coerced, fieldNodes: [node], fieldName: name, returnType: def.type, parentType: queryType, operation } as unknown as GraphQLResolveInfo
      const compile =
        root.kind === 'list'
          ? () => listQuery(root.mapping, args, ctx, info)
          : root.kind === 'lookup'
            ? () => lookupQuery(root.mapping, args, ctx, info)
            : root.kind === 'groupBy'
              ? () => groupByQuery(root.mapping, args as GroupByArgs, ctx, info).query
              : () => keysetQuery(pageRequest(root.mapping, args as ConnectionArgs, ctx, info), config.foldRelations)
      return { field: name, compile }
    })
}

/** Median and p95 of `iterations` timed compilations of every root field of the operation, in ms (after warm-up). */
export function timeTranslation(roots: RootTranslation[], iterations = 5_000, warmup = 500): { median: number; p95: number } {
  const compileAll = () => {
    for (const r of roots) r.compile()
  }
  for (let i = 0; i < warmup; i++) compileAll()
  const samples = new Float64Array(iterations)
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint()
    compileAll()
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6
  }
  samples.sort()
  return { median: samples[Math.floor(iterations / 2)], p95: samples[Math.floor(iterations * 0.95)] }
}
