import { createManyRelationships, deleteManyRelationships } from '../../write/bulk-relationships.js'
import { attachRelationships, detachRelationships } from '../../write/relationships.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'

/** POST /relationships/:id (201). */
export function attachHandler(ctx: RouteContext): Reply {
  attachRelationships(ctx.store, ctx.params.id, ctx.body)
  return { data: { message: `Relations to Record ${ctx.params.id} have been successfully created` } }
}

/** PUT /relationships/:id (200). */
export function detachHandler(ctx: RouteContext): Reply {
  detachRelationships(ctx.store, ctx.params.id, ctx.body)
  return { data: { message: `Relations to Record ${ctx.params.id} have been successfully deleted` } }
}

/** POST /relationships/create-many (201): key join or manyToMany, in one statement. */
export function createManyHandler(ctx: RouteContext): Reply {
  createManyRelationships(ctx.db, ctx.body)
  return { data: { message: 'Relations have been successfully created' } }
}

/** POST /relationships/delete-many (201, as Nest answers a POST). */
export function deleteManyHandler(ctx: RouteContext): Reply {
  deleteManyRelationships(ctx.db, ctx.body)
  return { data: { message: 'Relations have been successfully deleted' } }
}
