import { randomUUID } from 'node:crypto'
import { GraphQLError } from 'graphql'
import type { Logger } from '../observability/logger.js'

function isOriginal(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false
  return error.originalError == null || isOriginal(error.originalError)
}

function codedInChain(error: unknown): GraphQLError | undefined {
  for (let e: unknown = error, hops = 0; e && hops < 10; e = (e as { originalError?: unknown }).originalError, hops++) {
    if (e instanceof GraphQLError && typeof e.extensions?.code === 'string' && e.extensions.code !== 'INTERNAL_SERVER_ERROR') return e
  }
  return undefined
}

/**
 * yoga's `maskError`: errors the gateway raised on purpose (a GraphQLError with a code anywhere in
 * the chain) reach the client with their message and code only, without the cause they wrap; any
 * other error becomes "Unexpected error." with code INTERNAL_SERVER_ERROR and an `errorId` that
 * is logged with the real error, so an operator can find it and a client learns nothing internal.
 */
export function createErrorMasker(logger: Logger): (error: unknown, message: string) => Error {
  return (error, message) => {
    if (isOriginal(error)) return error as GraphQLError
    const located = error instanceof GraphQLError ? error : undefined
    const where = { nodes: located?.nodes, source: located?.source, positions: located?.positions, path: located?.path }
    const coded = codedInChain(error)
    if (coded) return new GraphQLError(coded.message, { ...where, extensions: { ...coded.extensions } })
    const errorId = randomUUID()
    const cause = located?.originalError ?? error
    logger.error('unexpected error', { errorId, path: located?.path?.join('.'), error: cause })
    return new GraphQLError(message, { ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId, unexpected: true } })
  }
}
