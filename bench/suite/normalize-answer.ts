const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/

/**
 * An answer with every date-time written one way (`toISOString`), for comparing the SQL floor's
 * stored strings (`2025-10-16T20:55:31Z`) with the gateway's DateTime output (`…31.000Z`).
 */
export function normalizeAnswer(value: unknown): unknown {
  if (typeof value === 'string') return DATE_TIME.test(value) ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString() : value
  if (Array.isArray(value)) return value.map(normalizeAnswer)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeAnswer(v)]))
  return value
}
