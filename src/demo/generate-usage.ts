import { EVENT_SOURCE_WEIGHTS, EVENT_TYPE_WEIGHTS, FEATURES, PAGES } from './activity-catalogue.js'
import { DAY_MS, between, isoAt, startOfMonth } from './demo-time.js'
import type { EventData, FeatureUsageData } from './demo-types.js'
import type { Rng } from './prng.js'

/** A customer's activity window: events never happen after `lastActiveMs`. */
export interface UsageSpec {
  num: string
  createdAtMs: number
  lastActiveMs: number
}

/** Generates 0–6 product events, oldest first; the newest one is at `lastActiveMs`. */
export function generateEvents(rng: Rng, spec: UsageSpec): EventData[] {
  const count = rng.int(0, 6)
  const dates: number[] = []
  for (let k = 0; k < count; k++) {
    dates.push(k === 0 ? spec.lastActiveMs : between(rng, Math.max(spec.createdAtMs, spec.lastActiveMs - 90 * DAY_MS), spec.lastActiveMs))
  }
  dates.sort((a, b) => a - b)
  return dates.map((occurredMs, k) => {
    const type = rng.weighted(EVENT_TYPE_WEIGHTS)
    return {
      eventId: `evt-${spec.num}-${k + 1}`,
      type,
      description: describeEvent(rng, type),
      source: type === 'api_call' ? 'api' : rng.weighted(EVENT_SOURCE_WEIGHTS),
      occurredAt: isoAt(occurredMs)
    }
  })
}

function describeEvent(rng: Rng, type: EventData['type']): string {
  switch (type) {
    case 'login': return 'Signed in'
    case 'page_view': return `Viewed ${rng.pick(PAGES)}`
    case 'feature_used': return `Used ${rng.pick(FEATURES)}`
    case 'export': return `Exported ${rng.pick(['reports', 'dashboards', 'contacts'])} to CSV`
    case 'invite_sent': return 'Invited a teammate'
    case 'api_call': return `Called the ${rng.pick(FEATURES)} API`
    case 'report_created': return 'Created a report'
  }
}

/** Generates 0–3 usage counters for distinct features in the month of the customer's last activity. */
export function generateFeatureUsage(rng: Rng, spec: UsageSpec): FeatureUsageData[] {
  const count = rng.int(0, 3)
  const periodMs = Math.max(startOfMonth(spec.lastActiveMs), spec.createdAtMs)
  const features = new Set<string>()
  while (features.size < count) features.add(rng.pick(FEATURES))
  return [...features].map((feature) => ({
    feature,
    count: rng.int(1, 400),
    periodStart: isoAt(periodMs),
    lastUsedAt: isoAt(between(rng, periodMs, spec.lastActiveMs))
  }))
}
