import { badRequest } from '../errors.js'
import { DEFAULT_RELATION_ALIAS, DEFAULT_RELATION_TYPE } from '../types.js'
import type { AiRoute } from './ai-routes.js'
import { analyzePatterns } from './analyze-patterns.js'
import { applyPattern } from './apply-pattern.js'
import { PatternStore } from './pattern-store.js'

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {}
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('Expected a JSON object')
  return body as Record<string, unknown>
}

function relationType(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined
  if (value === DEFAULT_RELATION_ALIAS) return DEFAULT_RELATION_TYPE
  if (typeof value !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(value)) throw badRequest('type must be a relationship type of letters, digits and _ (at most 100 characters)')
  return value
}

/**
 * RushDB 2.1's relationship-pattern endpoints (§9.4) over drafts in `ai_patterns`. Analysis is
 * deterministic key matching and runs at once (RushDB queues an LLM analysis and answers 202);
 * only approval writes to the graph.
 */
export const patternRoutes: AiRoute[] = [
  {
    method: 'GET',
    pattern: '/relationships/patterns',
    status: 200,
    handler: async (c) => c.access.read(() => ({ patterns: new PatternStore(c.access.db).list() }))
  },
  {
    method: 'POST',
    pattern: '/relationships/patterns/analyze',
    status: 200,
    handler: async (c) => {
      const body = objectBody(c.body)
      if (body.label !== undefined && (typeof body.label !== 'string' || body.label === '')) throw badRequest('label must be a non-empty string')
      const label = body.label as string | undefined
      const proposals = await c.access.read(() => analyzePatterns(c.access.db, label))
      const store = new PatternStore(c.access.db)
      await c.access.write(() => store.saveAnalysis(proposals, label === undefined ? undefined : [label]))
      return c.access.read(() => ({ patterns: store.list().filter((p) => label === undefined || p.source.label === label) }))
    }
  },
  {
    method: 'POST',
    pattern: '/relationships/patterns/:id/approve',
    status: 200,
    handler: async (c) => {
      const type = relationType(objectBody(c.body).type)
      const store = new PatternStore(c.access.db)
      const pattern = await c.access.read(() => store.get(c.params.id))
      const used = type ?? pattern.type
      const created = await applyPattern(c.access, pattern, used)
      await c.access.write(() => store.decide(pattern.id, 'approved', { type: used, count: created }))
      return c.access.read(() => ({ ...store.get(pattern.id), created }))
    }
  },
  {
    method: 'POST',
    pattern: '/relationships/patterns/:id/ignore',
    status: 200,
    handler: async (c) => {
      const store = new PatternStore(c.access.db)
      await c.access.write(() => {
        store.checkRejectable(c.params.id)
        store.decide(c.params.id, 'ignored')
      })
      return c.access.read(() => store.get(c.params.id))
    }
  }
]
