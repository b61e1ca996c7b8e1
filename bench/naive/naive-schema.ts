import { MapperKind, mapSchema } from '@graphql-tools/utils'
import type { GraphQLObjectType, GraphQLResolveInfo, GraphQLSchema } from 'graphql'
import type { RecordShape } from '../../src/builder.js'
import type { GatewayContext } from '../../src/context.js'
import { findRecords } from '../../src/loaders/find-records.js'
import { scopeOf } from '../../src/loaders/root-queries.js'
import { relationPage, type RelationArgs } from '../../src/resolvers/compile-selection.js'
import type { GatewaySearchQuery } from '../../src/resolvers/search-query.js'
import { schema } from '../../src/schema/index.js'
import type { RelationMapping, TypeMapping } from '../../src/schema/storage-mapping.js'

/**
 * The relation field of ONE parent, the way a GraphQL server without batching or folding
 * resolves it: one SDK search scoped to the parent (`records.find({ id, labels, where, orderBy,
 * limit, skip })`, RushDB's "related records of this record"), filtered, ordered and paged.
 * Every parent in the response pays its own RushDB call (the N+1). The scoped search follows any
 * edge to a record of the target label; on this graph every such edge is one of the field's edge
 * shapes, which the suite checks by comparing both gateways' JSON on every run.
 */
export async function naiveRelation(relation: RelationMapping, record: RecordShape, args: RelationArgs, ctx: GatewayContext, info: GraphQLResolveInfo) {
  const scope = scopeOf(ctx, info)
  const many = relation.cardinality === 'many'
  const { where, orderBy, limit, skip } = relationPage(scope, relation, args)
  const query: GatewaySearchQuery & { id: string } = { id: record.__id, labels: [relation.label], orderBy, limit }
  if (Object.keys(where).length > 0) query.where = where
  if (skip > 0) query.skip = skip
  if (scope.profile.skipTotal) query.skipTotal = true
  const { records } = await findRecords(ctx, query)
  return many ? records : (records[0] ?? null)
}

/**
 * The gateway's schema with every relation field of every record type resolved field by field:
 * same types, arguments, scalars and root resolvers, but relation fields swapped for
 * `naiveRelation`. Served with FOLD_RELATIONS=false, so root fields send no folded selection
 * either: the baseline a plain resolver-per-field GraphQL server over the SDK would be.
 */
export function createNaiveSchema(base: GraphQLSchema = schema): GraphQLSchema {
  return mapSchema(base, {
    [MapperKind.OBJECT_FIELD]: (field, fieldName, typeName) => {
      const mapping = (base.getType(typeName) as GraphQLObjectType | undefined)?.extensions?.rushdb as TypeMapping | undefined
      const relation = mapping?.relations[fieldName]
      if (!mapping || !relation) return field
      return {
        ...field,
        resolve: (record: RecordShape, args: RelationArgs, ctx: GatewayContext, info: GraphQLResolveInfo) => naiveRelation(relation, record, args, ctx, info)
      }
    }
  })
}
