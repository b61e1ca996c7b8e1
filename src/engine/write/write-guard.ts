import { badRequest } from '../errors.js'

/** RushDB v1.8 `EntityWriteGuard`: query operators and system field names a write body may not hold. */
const DISALLOWED_KEYS: ReadonlySet<string> = new Set([
  '$and', '$or', '$xor', '$nor', '$not',
  '$in', '$ne', '$nin', '$gte', '$gt', '$lte', '$lt', '$contains', '$startsWith', '$endsWith', '$exists',
  '$day', '$hour', '$microsecond', '$millisecond', '$minute', '$month', '$nanosecond', '$second', '$year',
  '$type', '$vector',
  '__id', '__projectId', '__proptypes', '__label',
  '$relation', '$id', '$alias'
])

const INTERNAL_KEY = /^__RUSHDB__KEY__.+__$/

function isDisallowed(key: string): boolean {
  return DISALLOWED_KEYS.has(key) || INTERNAL_KEY.test(key)
}

/**
 * Throws 400 `Request body contains disallowed keys: [...]` when any key at any depth of `body`
 * is a query operator or a system field (RushDB's EntityWriteGuard). Walks with an explicit stack
 * so an absurdly deep body is a clean 400 later, not a stack overflow here.
 */
export function assertNoDisallowedKeys(body: unknown): void {
  const found = new Set<string>()
  const stack: unknown[] = [body]
  while (stack.length > 0) {
    const node = stack.pop()
    if (typeof node !== 'object' || node === null) continue
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === 'object' && item !== null) stack.push(item)
      continue
    }
    for (const key of Object.keys(node)) {
      if (isDisallowed(key)) found.add(key)
      const child = (node as Record<string, unknown>)[key]
      if (typeof child === 'object' && child !== null) stack.push(child)
    }
  }
  if (found.size > 0) throw badRequest(`Request body contains disallowed keys: ${JSON.stringify([...found])}`)
}
