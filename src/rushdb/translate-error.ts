import { GraphQLError } from 'graphql'

/**
 * Turns an SDK failure into a GraphQL error with a stable code. SDK 1.8.0 throws `Error("<status>")`
 * and discards the body, so the status class is all there is: 4xx means the gateway sent something
 * storage refused, 5xx/timeouts/network errors mean storage is unavailable. The SDK error is kept
 * as `cause`, not `originalError`: yoga masks any error whose original is not a GraphQLError.
 */
export function translateBackendError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error
  const message = error instanceof Error ? error.message : String(error)
  const status = /^\d{3}$/.test(message) ? Number(message) : undefined
  if (status !== undefined && status >= 400 && status < 500) {
    return withCause(
      new GraphQLError(`RushDB rejected the query (HTTP ${status}); check the filter values and arguments`, {
        extensions: { code: 'BACKEND_REJECTED', http: { status: 400 } }
      }),
      error
    )
  }
  return withCause(new GraphQLError('RushDB is unavailable; retry later', { extensions: { code: 'BACKEND_UNAVAILABLE', http: { status: 503 } } }), error)
}

function withCause(error: GraphQLError, cause: unknown): GraphQLError {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false })
  return error
}
