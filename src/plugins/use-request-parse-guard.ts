import type { Plugin } from 'graphql-yoga'
import { gatewayError } from '../security/gateway-error.js'

/**
 * Closes two gaps in yoga's request parsing: a GET whose `variables` or `extensions` parameter is
 * not JSON escapes as an unexpected error (500), and an unsupported content type gets a bare 415.
 * Both become 4xx answers with a GraphQL error body, a stable code and what to send instead.
 */
export function useRequestParseGuard(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, endResponse }) {
      if (!requestParser) {
        const body = {
          errors: [
            {
              message: `Content type "${request.headers.get('content-type') ?? '(none)'}" is not supported: send application/json (or application/graphql+json, multipart/form-data), or use GET with a query parameter`,
              extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' }
            }
          ],
          extensions: { rushdb: { calls: 0 } }
        }
        endResponse(new Response(JSON.stringify(body), { status: 415, headers: { 'content-type': 'application/json; charset=utf-8' } }))
        return
      }
      setRequestParser(async (req) => {
        try {
          return await requestParser(req)
        } catch (error) {
          if (error instanceof SyntaxError) {
            throw gatewayError('The variables or extensions query parameter is not valid JSON; URL-encode a JSON object (e.g. variables=%7B%22limit%22%3A5%7D)', 'BAD_REQUEST', 400)
          }
          throw error
        }
      })
    }
  }
}
