import { GraphQLError } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import type { GatewayContext } from '../context.js'
import { operationCost, type CostPageSizes } from '../limits/operation-cost.js'
import { measureOperation } from '../limits/operation-shape.js'
import type { OperationLimits } from '../production-config.js'
import { gatewayError } from '../security/gateway-error.js'

/**
 * Refuses abusive operations before they reach RushDB, each with a stable code and a message that
 * names the limit and what to change: too many tokens (while parsing), too deep or too many
 * aliases (before validation), too costly (before execution, when variables are known).
 */
export function useOperationLimits(limits: OperationLimits, sizes: CostPageSizes): Plugin<GatewayContext> {
  return {
    onParse({ parseFn, setParseFn }) {
      if (!limits.maxTokens) return
      setParseFn((source, options) => {
        try {
          return parseFn(source, { ...options, maxTokens: limits.maxTokens })
        } catch (error) {
          // graphql 16 words it "more that N tokens"; later versions "more than".
          if (error instanceof GraphQLError && /more tha[nt] \d+ tokens/.test(error.message)) {
            throw gatewayError(
              `The document has more than ${limits.maxTokens} tokens; send a shorter operation (split it, or use variables and fragments) (limit: MAX_TOKENS)`,
              'QUERY_TOO_LARGE',
              400
            )
          }
          throw error
        }
      })
    },
    onValidate({ params, setResult }) {
      const shape = measureOperation(params.documentAST)
      const errors: GraphQLError[] = []
      if (limits.maxDepth && shape.depth > limits.maxDepth) {
        errors.push(
          gatewayError(
            `The operation is nested ${shape.depth} levels deep; the limit is ${limits.maxDepth}. Query deep records from their own root field (e.g. invoices(where: …)) instead of nesting further (limit: MAX_DEPTH)`,
            'QUERY_TOO_DEEP',
            400
          )
        )
      }
      if (limits.maxAliases && shape.aliases > limits.maxAliases) {
        errors.push(
          gatewayError(
            `The operation uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}. Fetch several records with one list field and a where filter (e.g. customers(where: { customerId: { in: [...] } })) instead of one alias each (limit: MAX_ALIASES)`,
            'TOO_MANY_ALIASES',
            400
          )
        )
      }
      if (errors.length > 0) setResult(errors)
    },
    onExecute({ args, setResultAndStopExecution }) {
      if (!limits.maxCost) return
      const cost = operationCost(args.schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>, sizes)
      if (cost <= limits.maxCost) return
      setResultAndStopExecution({
        errors: [
          gatewayError(
            `The operation could return up to ${cost} objects; the limit is ${limits.maxCost}. Pass smaller limit/first/last arguments (a nested list without one counts as ${sizes.nested}, a root list as ${sizes.root}) or select fewer nested lists (limit: MAX_COST)`,
            'QUERY_TOO_COMPLEX',
            400
          )
        ]
      })
    }
  }
}
