import type { SelectionSetNode } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import { compileRelationLoad } from '../resolvers/compile-relation-load.js'
import { compileCollect, type CompileScope, type RelationArgs } from '../resolvers/compile-selection.js'
import type { GatewaySearchQuery } from '../resolvers/search-query.js'
import type { RelationMapping, TypeMapping } from '../schema/storage-mapping.js'
import { findRecords } from './find-records.js'
import { readRelated } from './read-related.js'

/** Which relation field of which parents: what one relation loader serves. */
export interface RelationField {
  parent: TypeMapping
  relation: RelationMapping
  /** The field name (loaders are shared by every alias of a field with the same arguments). */
  name: string
  args: RelationArgs
  /** The field's sub-selections, folded into the load where the backend can. */
  selectionSets: readonly SelectionSetNode[]
}

/**
 * Loads one relation field of many parents with one RushDB call per batch: on backends with
 * related `$collect`, the parents by id each with a `$collect` (ordered and paged per parent by
 * the backend); elsewhere the children by parent (see read-related.ts).
 */
export function loadRelation(ctx: GatewayContext, scope: CompileScope, field: RelationField, parentId: string): Promise<RecordShape[]> {
  return scope.profile.relatedCollect ? collectLoader(ctx, scope, field).load(parentId) : childrenLoader(ctx, scope, field).load(parentId)
}

function collectLoader(ctx: GatewayContext, scope: CompileScope, field: RelationField) {
  const sets = ctx.config.foldRelations ? field.selectionSets : []
  const collect = compileCollect(scope, field.relation, field.args, sets)
  const key = `collect:${field.parent.name}:${JSON.stringify(collect)}`
  return ctx.loaders.get<RecordShape[]>(key, async (ids) => {
    const query: GatewaySearchQuery = { labels: [field.parent.label], where: { $id: { $in: [...ids] } }, limit: ids.length, select: { items: collect } }
    if (scope.profile.skipTotal) query.skipTotal = true
    const { records } = await findRecords(ctx, query)
    const byId = new Map(records.map((r) => [r.__id, (r.items as RecordShape[] | undefined) ?? []]))
    return ids.map((id) => byId.get(id) ?? [])
  })
}

function childrenLoader(ctx: GatewayContext, scope: CompileScope, field: RelationField) {
  const load = compileRelationLoad(scope, field.parent, field.relation, field.args)
  const key = `children:${field.parent.name}.${field.name}:${JSON.stringify(field.args)}`
  return ctx.loaders.get<RecordShape[]>(key, (ids) => readRelated(ctx, load, ids))
}
