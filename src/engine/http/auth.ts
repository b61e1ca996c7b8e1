import { createHash, timingSafeEqual } from 'node:crypto'

/** The API key a request presents: header `token` (SDK 1.8) or `Authorization: Bearer <key>`. */
export function presentedToken(headers: Record<string, string | undefined>): string | undefined {
  if (headers.token) return headers.token
  const auth = headers.authorization
  if (auth && /^bearer\s+/i.test(auth)) return auth.replace(/^bearer\s+/i, '').trim()
  return undefined
}

/** True when no token is configured (open engine) or the request presents the configured one. */
export function isAuthorized(headers: Record<string, string | undefined>, expected: string | undefined): boolean {
  if (expected === undefined) return true
  const given = presentedToken(headers)
  if (given === undefined) return false
  // Hash both sides so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
