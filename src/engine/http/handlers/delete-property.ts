import type { RecordDraft } from '../../storage/record-store.js'
import type { Reply } from '../envelope.js'
import type { RouteContext } from '../route-types.js'
import { prepareCached } from '../statement-cache.js'
import { propertyById } from './property-lookup.js'

/**
 * DELETE /properties/:id: removes the key from every record carrying it with that type, keeping
 * each record's `props`, `proptypes` and `vals` rows consistent (the record is rewritten whole).
 */
export function deletePropertyHandler(ctx: RouteContext): Reply {
  const { name, type } = propertyById(ctx.db, ctx.params.id)
  const rids = prepareCached(ctx.db, 'SELECT DISTINCT rid FROM vals WHERE name = ? AND type = ?')
    .pluck()
    .all(name, type) as number[]
  for (const rid of rids) {
    const row = ctx.store.rowByRid(rid)
    if (!row) continue
    const props = JSON.parse(row.props) as Record<string, unknown>
    const proptypes = JSON.parse(row.proptypes) as RecordDraft['proptypes']
    delete props[name]
    delete proptypes[name]
    ctx.store.replace(rid, { label: row.label, props, proptypes })
  }
  return { data: { message: `Property (${ctx.params.id}) has been successfully deleted.` } }
}
