import type { RushDB } from '@rushdb/javascript-sdk'
import type { DemoLink, DemoRelationType } from './demo-types.js'

/**
 * How each type is attached: from the endpoint that repeats, so one call carries many targets.
 * BELONGS_TO points customer → account, so it is attached from the account with direction 'in'.
 */
const ATTACH_FROM: Readonly<Record<DemoRelationType, 'from' | 'to'>> = {
  BELONGS_TO: 'to',
  HAS_SUBSCRIPTION: 'from',
  HAS_INVOICE: 'from',
  HAS_TOUCHPOINT: 'from',
  CREATED: 'from'
}

/** Attaches typed links with one SDK `attach` call per (type, source); returns the number of relationships. */
export async function attachLinks(db: RushDB, links: readonly DemoLink[], resolve: (naturalKey: string) => string): Promise<number> {
  const groups = new Map<string, { type: DemoRelationType; source: string; direction: 'in' | 'out'; targets: string[] }>()
  for (const link of links) {
    const side = ATTACH_FROM[link.type]
    const source = side === 'from' ? link.from : link.to
    const target = side === 'from' ? link.to : link.from
    const groupKey = `${link.type}\u0000${source}`
    let group = groups.get(groupKey)
    if (!group) {
      group = { type: link.type, source, direction: side === 'from' ? 'out' : 'in', targets: [] }
      groups.set(groupKey, group)
    }
    group.targets.push(target)
  }
  let count = 0
  for (const group of groups.values()) {
    await db.records.attach({
      source: resolve(group.source),
      target: group.targets.map(resolve),
      options: { type: group.type, direction: group.direction }
    })
    count += group.targets.length
  }
  return count
}
