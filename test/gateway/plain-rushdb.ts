import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
const RANGES = new Set(['$gt', '$gte', '$lt', '$lte'])

/**
 * The engine extensions a SearchQuery uses (empty when a RushDB server accepts it as is): `select`,
 * `skipTotal`, `$relation.type` lists, string and `$id` ranges. See src/engine/README.md.
 */
export function engineExtensionsIn(query: unknown): string[] {
  const found: string[] = []
  const q = query as Record<string, unknown>
  if (q && typeof q === 'object') {
    if ('select' in q) found.push('select')
    if ('skipTotal' in q) found.push('skipTotal')
  }
  const visit = (value: unknown, path: string, underId: boolean) => {
    if (Array.isArray(value)) return value.forEach((v, i) => visit(v, `${path}[${i}]`, underId))
    if (!value || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      const at = `${path}.${key}`
      if (key === '$relation' && child && typeof child === 'object' && Array.isArray((child as { type?: unknown }).type)) found.push(`type list at ${at}`)
      if (RANGES.has(key) && underId) found.push(`$id range at ${at}`)
      if (RANGES.has(key) && typeof child === 'string' && !ISO_DATETIME.test(child)) found.push(`string range at ${at}`)
      visit(child, at, key === '$id' || (underId && key.startsWith('$')))
    }
  }
  visit(q?.where, 'where', false)
  visit(q?.aggregate, 'aggregate', false)
  return found
}

/** A transport wrapper that records every search body the SDK sends (settings calls left out). */
export function searchRecorder() {
  const bodies: Array<{ path: string; body: any }> = []
  const wrap = (inner: SdkHttpClient): SdkHttpClient => ({
    makeRequest(url, config) {
      if (!/\/settings$/.test(url)) bodies.push({ path: url.replace(/^.*\/api\/v1/, ''), body: config.requestData })
      return inner.makeRequest(url, config)
    }
  })
  return { bodies, wrap }
}
