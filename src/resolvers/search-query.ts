/** A RushDB `where` object, as the gateway builds it. */
export type Where = Record<string, unknown>

/** The SearchQuery the gateway sends through the SDK (v1.8 keys, the current `select`, the engine's `skipTotal`). */
export interface GatewaySearchQuery {
  labels: string[]
  where?: Where
  orderBy?: 'asc' | 'desc' | Record<string, 'asc' | 'desc'>
  limit?: number
  skip?: number
  select?: Record<string, unknown>
  aggregate?: Record<string, unknown>
  groupBy?: string[]
  /** Engine extension: answer without counting (`total` absent). */
  skipTotal?: boolean
}

/** Combines conditions with AND, merging into one object when their keys do not collide. */
export function allOf(parts: Where[]): Where {
  const nonEmpty = parts.filter((p) => Object.keys(p).length > 0)
  if (nonEmpty.length === 0) return {}
  if (nonEmpty.length === 1) return nonEmpty[0]
  const merged: Where = {}
  for (const part of nonEmpty) {
    for (const key of Object.keys(part)) if (key in merged) return { $and: nonEmpty }
    Object.assign(merged, part)
  }
  return merged
}
