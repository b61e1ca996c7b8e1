import { GraphQLError } from 'graphql'
import { BackendFailure } from './backend-failure.js'

// No `originalError` on these: yoga masks a GraphQLError whose original error is not one, and the
// message already carries what the cause says.
function unavailable(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 503 } } })
}

/**
 * Turns an SDK failure into a GraphQL error with a stable code. SDK 1.8.0 throws `Error("<status>")`
 * and discards the body, so the status class is all there is: 401/403 mean the API key was refused,
 * other 4xx that the gateway sent something storage refused, 5xx/429 that storage is unavailable;
 * the transport's own failures say whether it timed out, was unreachable or answered garbage.
 */
export function translateBackendError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error
  if (error instanceof BackendFailure) {
    if (error.reason === 'timeout') return unavailable(`${error.message}; retry later`, 'BACKEND_TIMEOUT')
    return unavailable(`RushDB is unavailable: ${error.message}`, 'BACKEND_UNAVAILABLE')
  }
  const message = error instanceof Error ? error.message : String(error)
  const status = /^\d{3}$/.test(message) ? Number(message) : undefined
  if (status === 401 || status === 403) {
    return new GraphQLError(`RushDB refused the API key (HTTP ${status}); check RUSHDB_API_KEY`, {
      extensions: { code: 'BACKEND_AUTH_FAILED', http: { status: 502 } }
    })
  }
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return new GraphQLError(`RushDB rejected the query (HTTP ${status}); check the filter values and arguments`, {
      extensions: { code: 'BACKEND_REJECTED', http: { status: 400 } }
    })
  }
  const why = status !== undefined ? ` (HTTP ${status})` : ''
  return unavailable(`RushDB is unavailable${why}; retry later`, 'BACKEND_UNAVAILABLE')
}
