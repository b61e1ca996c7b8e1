/**
 * RushDB's ISO-8601 datetime test (v1.8 `ISO_8601_REGEX`): `YYYY-MM-DDTHH:mm:[ss][.f{1,9}][zone]`,
 * per-month day limits, leap day when the year's last two digits divide by 4, zone `Z`/`z` or
 * `±hh[:]mm` with hh 00–13 and mm in 00/15/30/45, or `±14:00`. Date-only strings are not datetimes.
 */
const ISO_DATETIME =
  /^(\d{4})-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-9]))T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)?(?:\.(\d{1,9}))?(Z|z|[+-](?:(?:0\d|1[0-3]):?(?:00|15|30|45)|14:?00))?$/

/** True when `value` is a string RushDB types as `datetime`. */
export function isIsoDatetime(value: unknown): value is string {
  return typeof value === 'string' && isoMatch(value) !== undefined
}

/** The ISO pattern's match of `value` when it is a RushDB datetime (the leap-day rule included). */
function isoMatch(value: string): RegExpExecArray | undefined {
  const m = ISO_DATETIME.exec(value)
  if (!m) return undefined
  if (value.slice(5, 10) === '02-29') {
    const yy = Number(m[1].slice(2))
    if (yy % 4 !== 0) return undefined
  }
  return m
}

/**
 * Epoch milliseconds (with a sub-millisecond fraction) of an ISO datetime, for chronological
 * comparison; `undefined` when the string is not one. A missing zone means UTC, as Neo4j reads it.
 */
export function datetimeToEpoch(value: string): number | undefined {
  // One match serves the test and the fields (grouping by a time bucket converts every root's value).
  const m = isoMatch(value)
  if (!m) return undefined
  const [, , hh, mi, ss, frac, zone] = m
  const fraction = frac ? Number(`0.${frac}`) * 1000 : 0
  const base = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)), Number(hh), Number(mi), ss ? Number(ss) : 0)
  let offsetMinutes = 0
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1
    const digits = zone.slice(1).replace(':', '')
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)))
  }
  return base + fraction - offsetMinutes * 60_000
}

/** Epoch milliseconds of a RushDB datetime component object (`{$year, $month?, …}`), UTC. */
export function datetimeObjectToEpoch(obj: Record<string, unknown>): number {
  const n = (k: string, d: number) => (typeof obj[k] === 'number' ? (obj[k] as number) : d)
  return (
    Date.UTC(n('$year', 1970), n('$month', 1) - 1, n('$day', 1), n('$hour', 0), n('$minute', 0), n('$second', 0), n('$millisecond', 0)) +
    n('$microsecond', 0) / 1000 +
    n('$nanosecond', 0) / 1_000_000
  )
}
