import type { GraphQLError, GraphQLSchema } from 'graphql'
import type { RecordShape } from '../builder.js'
import type { Plugin } from 'graphql-yoga'
import type { GatewayConfig } from '../config.js'
import type { GatewayContext } from '../context.js'
import { LoaderCache } from '../loaders/loader-cache.js'
import type { Logger } from '../observability/logger.js'
import { lookupFromSchema } from '../resolvers/mapping-lookup.js'
import type { Backend } from '../rushdb/create-backend.js'
import type { ApiKeyStore, Identity } from '../security/api-keys.js'
import { clientAddress, type RateLimitGate } from '../security/rate-limit-gate.js'
import { rowEncoder } from './encode-rows.js'
import { ExportError, parseExportRequest } from './export-request.js'
import { readExportPages } from './read-export-pages.js'

const PREFIX = '/export/'

function problem(error: ExportError): Response {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...error.headers }
  if (error.status === 401) headers['WWW-Authenticate'] = 'Bearer realm="customer-graph"'
  return new Response(JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] }), { status: error.status, headers })
}

/** What the export route needs from the gateway. */
export interface ExportOptions {
  schema: GraphQLSchema
  backend: Backend
  config: GatewayConfig
  keys: ApiKeyStore
  logger: Logger
  /** The same per-key limit as /graphql: an export counts as one request. */
  rateLimit?: RateLimitGate
}

/** Checks the API key as /graphql does for a query (the `read` scope, plus any scope the type declares); returns who asked. */
function authorize(request: Request, options: ExportOptions, typeScope: unknown): Identity {
  const auth = options.keys.authenticate(request.headers)
  if (!auth.ok) throw new ExportError(401, 'UNAUTHENTICATED', 'An API key with the read scope is required: send "Authorization: Bearer <key>" or "x-api-key: <key>"')
  if (auth.identity.open) return auth.identity
  for (const scope of ['read', ...(typeof typeScope === 'string' ? [typeScope] : [])]) {
    if (!auth.identity.scopes.has(scope as never)) {
      throw new ExportError(403, 'FORBIDDEN', `Exports need the "${scope}" scope; the key "${auth.identity.name}" does not have it. Use a key with the needed scope.`)
    }
  }
  return auth.identity
}

/**
 * `GET /export/<type>?where=<JSON>&orderBy=<JSON>&limit=<n>&format=csv|ndjson`: every record of a
 * type matching the same filter as the GraphQL list, streamed as CSV or NDJSON (format by `format`
 * or `Accept`), read one RushDB page at a time as the client consumes the body. Refusals are 4xx
 * with a JSON body; a storage failure after the first bytes ends the stream with an error (the
 * status is already sent), which clients see as a truncated download.
 */
export function useExport(options: ExportOptions): Plugin<GatewayContext> {
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (!url.pathname.startsWith(PREFIX)) return
      try {
        if (request.method !== 'GET') throw new ExportError(405, 'METHOD_NOT_ALLOWED', `${PREFIX}<type> answers GET only`)
        const typeName = url.pathname.slice(PREFIX.length)
        const exportRequest = parseExportRequest(options.schema, typeName, url, request.headers.get('accept'))
        const identity = authorize(request, options, options.schema.getType(exportRequest.mapping.name)?.extensions?.scope)
        const refusal = await options.rateLimit?.take(identity, clientAddress(serverContext))
        if (refusal) throw new ExportError(429, 'RATE_LIMITED', refusal.message, { 'Retry-After': String(refusal.retryAfterSeconds) })
        endResponse(await streamExport(options, exportRequest))
      } catch (error) {
        if (error instanceof ExportError) return endResponse(problem(error))
        throw error
      }
    }
  }
}

/** A failure before any byte was sent, as a 4xx/5xx with the GraphQL error's code. */
function failedExport(error: unknown): ExportError {
  const extensions = (error as GraphQLError).extensions ?? {}
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR'
  const http = extensions.http as { status?: number } | undefined
  const status = http?.status ?? (code === 'BAD_USER_INPUT' || code === 'BACKEND_REJECTED' ? 400 : code === 'BACKEND_TIMEOUT' ? 504 : code.startsWith('BACKEND_') ? 503 : 500)
  return new ExportError(status, code, status === 500 ? 'Unexpected error.' : (error as Error).message)
}

async function streamExport(options: ExportOptions, request: ReturnType<typeof parseExportRequest>): Promise<Response> {
  const { schema, backend, config } = options
  const ctx: GatewayContext = { backend, config, loaders: new LoaderCache(), callLog: { calls: [] } }
  const scope = { schema, fragments: {}, variableValues: {}, lookup: lookupFromSchema(schema), limits: config.pageSize, profile: backend.profile }
  const encoder = rowEncoder(schema, request.mapping, request.format)
  const pages = readExportPages(ctx, scope, request)
  const text = new TextEncoder()
  // The first page is read before answering, so a bad filter or an unreachable RushDB is a
  // proper 4xx/5xx instead of a 200 with a broken body.
  let pending: IteratorResult<RecordShape[]> | undefined
  try {
    pending = await pages.next()
  } catch (error) {
    options.logger.error('export failed', { type: request.mapping.name, error: (error as Error).message })
    throw failedExport(error)
  }
  let started = false
  const body = new ReadableStream<Uint8Array>({
    // pull runs only when the client has read what was sent: one RushDB page in memory at a time.
    async pull(controller) {
      try {
        let chunk = started ? '' : encoder.header()
        started = true
        const next = pending ?? (await pages.next())
        pending = undefined
        if (!next.done) chunk += next.value.map((r) => encoder.line(r)).join('')
        if (chunk) controller.enqueue(text.encode(chunk))
        if (next.done) controller.close()
      } catch (error) {
        options.logger.error('export failed', { type: request.mapping.name, error: (error as Error).message })
        controller.error(error)
      }
    },
    async cancel() {
      await pages.return(undefined)
    }
  })
  const filename = `${request.mapping.rootPlural}.${request.format === 'csv' ? 'csv' : 'ndjson'}`
  return new Response(body, { status: 200, headers: { 'content-type': encoder.contentType, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' } })
}
