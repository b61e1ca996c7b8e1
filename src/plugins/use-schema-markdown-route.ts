import type { Plugin } from 'graphql-yoga'
import type { GatewayContext } from '../context.js'

/** The document the plain route runs; labels come from `?labels=A,B`. */
const QUERY = 'query SchemaMarkdown($labels: [String!]) { schemaMarkdown(labels: $labels) }'

/**
 * `GET /schema.md`: the schema description as `text/markdown`, for tools that paste it into a
 * prompt. It runs the `schemaMarkdown` query through the gateway itself (`runGraphql`), so API
 * keys, scopes, rate limits, logs and metrics apply exactly as to `/graphql`; an error comes
 * back as the GraphQL JSON body with its status.
 */
export function useSchemaMarkdownRoute(runGraphql: (request: Request) => Promise<Response>): Plugin<GatewayContext> {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== '/schema.md') return
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new Response(JSON.stringify({ errors: [{ message: 'Use GET /schema.md', extensions: { code: 'BAD_REQUEST' } }] }), { status: 405, headers: { allow: 'GET', 'content-type': 'application/json' } }))
        return
      }
      const labels = url.searchParams.get('labels')
      const headers = new Headers(request.headers)
      headers.set('content-type', 'application/json')
      headers.set('accept', 'application/graphql-response+json')
      const inner = new Request(new URL('/graphql', url), {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: QUERY, variables: labels ? { labels: labels.split(',').map((l) => l.trim()).filter(Boolean) } : {} })
      })
      const response = await runGraphql(inner)
      const body = (await response.json().catch(() => undefined)) as { data?: { schemaMarkdown?: string }; errors?: unknown[] } | undefined
      if (response.status === 200 && typeof body?.data?.schemaMarkdown === 'string' && !body.errors) {
        endResponse(new Response(body.data.schemaMarkdown, { status: 200, headers: { 'content-type': 'text/markdown; charset=utf-8' } }))
        return
      }
      const status = response.status === 200 ? 502 : response.status
      endResponse(new Response(JSON.stringify(body ?? { errors: [{ message: 'schema description failed' }] }), { status, headers: { 'content-type': 'application/json' } }))
    }
  }
}
