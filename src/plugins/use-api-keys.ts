import type { Plugin } from 'graphql-yoga'
import type { GatewayContext } from '../context.js'
import { requestStateOf } from '../observability/request-state.js'
import { SCOPES, type ApiKeyStore, type Identity } from '../security/api-keys.js'
import { gatewayError } from '../security/gateway-error.js'
import { requiredScopes, type ScopeNeeds } from '../security/required-scopes.js'

const AUTH_HINT = 'send "Authorization: Bearer <key>" or "x-api-key: <key>"; queries and introspection need a key with the read scope, mutations the write scope'

function unauthenticated(reason: 'missing' | 'invalid') {
  const message = reason === 'missing' ? `An API key is required: ${AUTH_HINT}` : `The API key is not valid (unknown or revoked): ${AUTH_HINT}`
  return gatewayError(message, 'UNAUTHENTICATED', 401, { 'WWW-Authenticate': 'Bearer realm="customer-graph"' })
}

function forbidden(identity: Identity, missing: ScopeNeeds) {
  const parts = [...missing].map(([scope, why]) => `the "${scope}" scope (for ${why.join(', ')})`)
  const has = SCOPES.filter((s) => identity.scopes.has(s)).join(', ') || 'no scopes'
  const message = `This operation needs ${parts.join(' and ')}; the key "${identity.name}" has ${has}. Use a key with the needed scope.`
  return gatewayError(message, 'FORBIDDEN', 403)
}

/**
 * API keys with scopes. A missing or unknown key is refused while the request is parsed (401);
 * an operation needing a scope the key lacks is refused before execution (403), so neither reaches
 * RushDB. Which scope an operation needs is declarative: see security/required-scopes.ts.
 */
export function useApiKeys(store: ApiKeyStore): Plugin<GatewayContext> {
  return {
    onParams({ request }) {
      const auth = store.authenticate(request.headers)
      if (!auth.ok) throw unauthenticated(auth.reason)
      requestStateOf(request).identity = auth.identity
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request
      const identity = request ? requestStateOf(request).identity : undefined
      if (!identity) {
        setResultAndStopExecution({ errors: [unauthenticated('missing')] })
        return
      }
      if (identity.open) return
      const needs = requiredScopes(args.schema, args.document, args.operationName)
      const missing: ScopeNeeds = new Map([...needs].filter(([scope]) => !identity.scopes.has(scope)))
      if (missing.size > 0) setResultAndStopExecution({ errors: [forbidden(identity, missing)] })
    }
  }
}
