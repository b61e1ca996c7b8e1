import type { RecordStore } from '../storage/record-store.js'
import { DEFAULT_RELATION_TYPE } from '../types.js'
import { requireRids } from './record-lookup.js'
import { parseAttachBody, parseDetachBody } from './relationship-body.js'

/**
 * POST /relationships/:id (§6.1). Per target: leaves exactly one edge of the type between the pair,
 * `out` (default) `(source)->(target)`, `in` the reverse — so attaching is idempotent and
 * re-attaching the other way flips the edge. 400 for a bad
 * body; 403 when the source or any target is unknown, checked before anything is written.
 */
export function attachRelationships(store: RecordStore, sourceId: string, body: unknown): void {
  const { targetIds, type = DEFAULT_RELATION_TYPE, direction } = parseAttachBody(body)
  const [source] = requireRids(store, [sourceId])
  const targets = requireRids(store, targetIds)
  for (const target of targets) {
    // Only the reverse edge is removed: the wanted one is kept if present (INSERT OR IGNORE), so
    // re-attaching writes nothing, with the same end state as delete-then-create.
    const [src, dst] = direction === 'in' ? [target, source] : [source, target]
    store.unlink(dst, src, type)
    store.link(src, dst, type)
  }
}

/**
 * PUT /relationships/:id (§6.1): removes edges between the source and each target — only the given
 * types if any, only leaving (`out`) or entering (`in`) the source if a direction is given.
 * Missing edges are a no-op. 400 for a bad body; 403 for unknown ids, before any write.
 */
export function detachRelationships(store: RecordStore, sourceId: string, body: unknown): void {
  const { targetIds, types, direction } = parseDetachBody(body)
  const [source] = requireRids(store, [sourceId])
  const targets = requireRids(store, targetIds)
  const remove = (src: number, dst: number) => {
    if (!types) store.unlinkAll(src, dst)
    else for (const type of types) store.unlink(src, dst, type)
  }
  for (const target of targets) {
    if (direction !== 'in') remove(source, target)
    if (direction !== 'out') remove(target, source)
  }
}
