import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'

/** Gives validation errors (unknown fields, wrong argument types) the stable code GRAPHQL_VALIDATION_FAILED. */
export function useErrorCodes(): Plugin {
  return {
    onValidate() {
      return ({ result, setResult }) => {
        if (result.length === 0) return
        setResult(
          result.map(
            (e) =>
              new GraphQLError(e.message, {
                nodes: e.nodes,
                source: e.source,
                positions: e.positions,
                path: e.path,
                originalError: e.originalError,
                extensions: { ...e.extensions, code: e.extensions?.code ?? 'GRAPHQL_VALIDATION_FAILED' }
              })
          )
        )
      }
    }
  }
}
