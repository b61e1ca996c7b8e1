import { datetimeToEpoch } from '../storage/datetime.js'

const MS: Record<string, number> = { second: 1000, minute: 60_000, hour: 3_600_000, day: 86_400_000 }
const MONTHS: Record<string, number> = { month: 1, quarter: 3, year: 12 }
const MONDAY_1970_01_05 = 4 * 86_400_000

/** Start (epoch millis, UTC) of the `size`-unit bucket holding a datetime or epoch value; null otherwise. */
export function timeBucket(value: unknown, unit: string, size: number): number | null {
  const first = Array.isArray(value) ? value[0] : value
  const epoch = typeof first === 'number' ? first : typeof first === 'string' ? datetimeToEpoch(first) : undefined
  if (epoch === undefined || !Number.isFinite(epoch)) return null
  if (unit in MS) return Math.floor(epoch / (MS[unit] * size)) * MS[unit] * size
  if (unit === 'week') {
    const width = 7 * 86_400_000 * size
    return Math.floor((epoch - MONDAY_1970_01_05) / width) * width + MONDAY_1970_01_05
  }
  const date = new Date(epoch)
  const months = date.getUTCFullYear() * 12 + date.getUTCMonth()
  const width = MONTHS[unit] * size
  const start = Math.floor(months / width) * width
  return Date.UTC(Math.floor(start / 12), start % 12, 1)
}
