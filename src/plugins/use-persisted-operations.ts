import { createHash } from 'node:crypto'
import { usePersistedOperations, type UsePersistedOperationsOptions } from '@graphql-yoga/plugin-persisted-operations'
import type { GraphQLParams, Plugin } from 'graphql-yoga'
import { requestStateOf } from '../observability/request-state.js'

/** Accepts Apollo's `extensions.persistedQuery.sha256Hash` and the `documentId` of the GraphQL-over-HTTP draft. */
function extractId(params: GraphQLParams): string | null {
  const pq = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
  if (pq && typeof pq.sha256Hash === 'string') return pq.sha256Hash
  const documentId = (params as { documentId?: unknown }).documentId
  return typeof documentId === 'string' ? documentId : null
}

/**
 * Persisted operations: each operation of PERSISTED_OPERATIONS_FILE can be run by its id or by the
 * SHA-256 of its text. With `only`, any other document is refused (PERSISTED_QUERY_ONLY), except
 * for keys with the `admin` scope (so operators can still debug in GraphiQL).
 */
export function usePersistedOperationStore(operations: ReadonlyMap<string, string>, only: boolean): Plugin {
  const byId = new Map(operations)
  for (const doc of operations.values()) byId.set(createHash('sha256').update(doc).digest('hex'), doc)
  const options: UsePersistedOperationsOptions = {
    getPersistedOperation: (key) => byId.get(key) ?? null,
    extractPersistedOperationId: extractId,
    allowArbitraryOperations: only ? (request) => requestStateOf(request).identity?.scopes.has('admin') === true && !requestStateOf(request).identity?.open : true,
    customErrors: {
      notFound: { message: 'No persisted operation has this id; send one of the ids of PERSISTED_OPERATIONS_FILE (or the SHA-256 of its text)', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } } },
      keyNotFound: { message: 'Send a query, or a persisted operation id in extensions.persistedQuery.sha256Hash or documentId', extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } } },
      persistedQueryOnly: {
        message: 'This gateway only runs persisted operations: send the operation id in extensions.persistedQuery.sha256Hash or documentId instead of its text (PERSISTED_OPERATIONS_ONLY=true)',
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } }
      }
    }
  }
  return usePersistedOperations(options) as Plugin
}
