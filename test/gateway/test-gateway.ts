import type { RushDB } from '@rushdb/javascript-sdk'
import { loadConfig } from '../../src/config.js'
import { createGateway, type Gateway } from '../../src/gateway.js'
import { createBackend, type Backend, type BackendOptions } from '../../src/rushdb/create-backend.js'

/** A gateway on a fresh in-memory embedded engine, plus helpers to query it over HTTP semantics. */
export interface TestGateway {
  gateway: Gateway
  backend: Backend
  /** POSTs a GraphQL operation through `gateway.fetch` and returns the parsed body and status. */
  query(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }>
}

/** Creates a test gateway; `env` overrides configuration (e.g. FOLD_RELATIONS=false). */
export function createTestGateway(env: Record<string, string> = {}, options: BackendOptions = {}): TestGateway {
  const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', ...env })
  const backend = createBackend(config.backend, options)
  const gateway = createGateway(config, backend)
  return {
    gateway,
    backend,
    async query(query, variables) {
      const res = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables })
      })
      return { status: res.status, body: await res.json() }
    }
  }
}

/**
 * Gateways on one engine, loaded once by `load`: one per `env`, in order, every SDK call of each
 * passing through `wrapTransport` (a search recorder, say), so tests compare configurations on
 * the same data.
 */
export async function gatewaysOnOneEngine(
  load: (sdk: RushDB) => Promise<unknown>,
  wrapTransport: BackendOptions['wrapTransport'],
  envs: Array<Record<string, string>>
): Promise<TestGateway[]> {
  const base = createTestGateway()
  await load(base.backend.sdk)
  return envs.map((env) => createTestGateway(env, { engine: base.backend.engine, wrapTransport }))
}
