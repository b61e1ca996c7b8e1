import { GraphQLError } from 'graphql'

/** A client-facing error: message saying what to change, a stable code, and its HTTP status. */
export function gatewayError(message: string, code: string, status?: number, headers?: Record<string, string>): GraphQLError {
  const http = status === undefined ? undefined : { status, ...(headers ? { headers } : {}) }
  return new GraphQLError(message, { extensions: { code, ...(http ? { http } : {}) } })
}
