import type { RecordShape } from '../builder.js'
import type { GatewayContext } from '../context.js'
import type { TypeMapping } from '../schema/storage-mapping.js'
import { findRecords } from './find-records.js'

/** Loads one relation field for many parents with ONE RushDB call per batch: the parents by id, each with a `$collect`. */
export function relationLoaderFor(ctx: GatewayContext, parent: TypeMapping, collect: Record<string, unknown>) {
  const key = `${parent.name}:${JSON.stringify(collect)}`
  return ctx.loaders.get<RecordShape[]>(key, async (ids) => {
    const { records } = await findRecords(ctx, {
      labels: [parent.label],
      where: { $id: { $in: [...ids] } },
      limit: ids.length,
      select: { items: collect }
    })
    const byId = new Map(records.map((r) => [r.__id, (r.items as RecordShape[] | undefined) ?? []]))
    return ids.map((id) => byId.get(id) ?? [])
  })
}
