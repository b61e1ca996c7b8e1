import type { GraphQLSchema } from 'graphql'
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga'
import { CHURN_RISK_QUERY } from './churn-risk-query.js'
import type { GatewayConfig } from './config.js'
import type { GatewayContext } from './context.js'
import { useExport } from './export/use-export.js'
import { LoaderCache } from './loaders/loader-cache.js'
import { createProductionSetup, type ProductionOptions } from './plugins/production-plugins.js'
import { renderOfflineGraphiQL } from './plugins/render-offline-graphiql.js'
import { useBodyLimit } from './plugins/use-body-limit.js'
import { useErrorCodes } from './plugins/use-error-codes.js'
import { useRushdbCallLog } from './plugins/use-rushdb-call-log.js'
import { useSchemaMarkdownRoute } from './plugins/use-schema-markdown-route.js'
import { requestStateOf } from './observability/request-state.js'
import type { Backend } from './rushdb/create-backend.js'
import { schema } from './schema/index.js'

/** The gateway: a yoga instance serving `/graphql`, `/health` and `/ready`; tests call `gateway.fetch`. */
export type Gateway = YogaServerInstance<Record<string, unknown>, GatewayContext>

/**
 * Builds the gateway over a backend. It never listens itself (see server.ts). `gatewaySchema`
 * swaps the schema under the same request pipeline (the benchmarks' field-by-field baseline).
 */
export function createGateway(config: GatewayConfig, backend: Backend, production: ProductionOptions = {}, gatewaySchema: GraphQLSchema = schema): Gateway {
  const layer = createProductionSetup(config, production)
  let yoga: Gateway | undefined
  yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: gatewaySchema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'Customer graph', defaultQuery: CHURN_RISK_QUERY },
    renderGraphiQL: renderOfflineGraphiQL,
    // isDev stays false whatever NODE_ENV says: internal details never reach clients.
    maskedErrors: { maskError: layer.maskError, isDev: false },
    logging: false,
    // useBodyLimit (below) enforces MAX_BODY_BYTES with a GraphQL-shaped 413; yoga's own limiter
    // would pipe every body through a web TransformStream (a fifth of a small request's CPU) and
    // silently cap MAX_BODY_BYTES at its 25 MB default.
    maxRequestBodySize: false,
    context: ({ request }): GatewayContext => ({
      backend,
      config,
      loaders: new LoaderCache(),
      callLog: { calls: [], requestId: requestStateOf(request).id }
    }),
    plugins: [
      useSchemaMarkdownRoute((request) => Promise.resolve(yoga!.fetch(request))),
      ...layer.plugins,
      useBodyLimit(config.writes.maxBodyBytes),
      useErrorCodes(),
      useRushdbCallLog(),
      useExport({ schema: gatewaySchema, backend, config, keys: layer.keys, logger: layer.logger, rateLimit: layer.rateLimit }),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          const state = await backend.readiness()
          if (!state.ready) throw new Error(state.reason ?? 'RushDB is not ready')
        }
      })
    ]
  }) as unknown as Gateway
  return yoga
}
