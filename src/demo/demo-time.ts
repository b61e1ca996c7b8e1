import type { Rng } from './prng.js'

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000

/** Parses the `now` option; an unparsable value is a caller bug, so it throws. */
export function parseNow(now: string): number {
  const ms = Date.parse(now)
  if (Number.isNaN(ms)) throw new Error(`generateCustomerGraph: "now" is not a valid ISO datetime: ${now}`)
  return ms
}

const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'))

/** UTC calendar fields of an epoch-ms instant (Hinnant's days-to-civil; Date#toISOString is the hot spot at 1M records). */
function civil(ms: number): [number, number, number, number] {
  const days = Math.floor(ms / 86_400_000)
  const secondsOfDay = Math.floor((ms - days * 86_400_000) / 1000)
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day, secondsOfDay]
}

/** ISO datetime with whole seconds and a Z suffix, which RushDB's import infers as `datetime`. */
export function isoAt(ms: number): string {
  const [y, mo, d, sod] = civil(ms)
  const h = Math.floor(sod / 3600)
  const mi = Math.floor((sod % 3600) / 60)
  return `${y}-${TWO_DIGITS[mo]}-${TWO_DIGITS[d]}T${TWO_DIGITS[h]}:${TWO_DIGITS[mi]}:${TWO_DIGITS[sod % 60]}Z`
}

/** A random instant in [fromMs, toMs] (whole seconds); `toMs` wins when the range is empty. */
export function between(rng: Rng, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return toMs
  return fromMs + Math.floor(rng.next() * (toMs - fromMs))
}

/** The first instant of the UTC month containing `ms`. */
export function startOfMonth(ms: number): number {
  const [y, mo] = civil(ms)
  return Date.UTC(y, mo - 1, 1)
}

/** Months since year 0 of the UTC month containing `ms`; differences count calendar months. */
export function monthIndex(ms: number): number {
  const [y, mo] = civil(ms)
  return y * 12 + mo - 1
}

/** `ms` moved by `months` calendar months (UTC), the day clamped to the target month's length. */
export function addMonths(ms: number, months: number): number {
  const [y, mo, d, sod] = civil(ms)
  const lastDay = new Date(Date.UTC(y, mo - 1 + months + 1, 0)).getUTCDate()
  return Date.UTC(y, mo - 1 + months, Math.min(d, lastDay)) + sod * 1000
}

/** 'YYYY-MM' of the UTC month containing `ms`. */
export function monthKey(ms: number): string {
  const [y, mo] = civil(ms)
  return `${y}-${TWO_DIGITS[mo]}`
}

/** Zero-padded sequence number used in natural keys ('000042'). */
export function pad(n: number, width = 6): string {
  return String(n).padStart(width, '0')
}
