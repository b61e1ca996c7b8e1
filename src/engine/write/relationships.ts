import type { RecordStore } from '../storage/record-store.js'
import { DEFAULT_RELATION_TYPE } from '../types.js'
import { requireRecord } from './record-lookup.js'
import { parseAttachBody, parseDetachBody } from './relationship-body.js'

/**
 * POST /relationships/:id (§6.1). Per target: removes any edge of the same type between the pair
 * in either direction, then creates one — `out` (default) `(source)->(target)`, `in` the reverse —
 * so attaching is idempotent and re-attaching the other way flips the edge. 400 for a bad body;
 * 403 when the source or any target is unknown, checked before anything is written.
 */
export function attachRelationships(store: RecordStore, sourceId: string, body: unknown): void {
  const { targetIds, type = DEFAULT_RELATION_TYPE, direction } = parseAttachBody(body)
  const source = requireRecord(store, sourceId).rid
  const targets = targetIds.map((id) => requireRecord(store, id).rid)
  for (const target of targets) {
    store.unlink(source, target, type)
    store.unlink(target, source, type)
    if (direction === 'in') store.link(target, source, type)
    else store.link(source, target, type)
  }
}

/**
 * PUT /relationships/:id (§6.1): removes edges between the source and each target — only the given
 * types if any, only leaving (`out`) or entering (`in`) the source if a direction is given.
 * Missing edges are a no-op. 400 for a bad body; 403 for unknown ids, before any write.
 */
export function detachRelationships(store: RecordStore, sourceId: string, body: unknown): void {
  const { targetIds, types, direction } = parseDetachBody(body)
  const source = requireRecord(store, sourceId).rid
  const targets = targetIds.map((id) => requireRecord(store, id).rid)
  const remove = (src: number, dst: number) => {
    if (!types) store.unlinkAll(src, dst)
    else for (const type of types) store.unlink(src, dst, type)
  }
  for (const target of targets) {
    if (direction !== 'in') remove(source, target)
    if (direction !== 'out') remove(target, source)
  }
}
