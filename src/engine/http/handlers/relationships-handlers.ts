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
