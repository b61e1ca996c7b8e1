import { loadConfig } from '../../src/config.js'
import { createGateway, type Gateway } from '../../src/gateway.js'
import { createLogger } from '../../src/observability/logger.js'
import type { ProductionOptions } from '../../src/plugins/production-plugins.js'
import { createBackend, type Backend } from '../../src/rushdb/create-backend.js'
import { hashApiKey } from '../../src/security/api-keys.js'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'

/** Keys configured by `keyedEnv`: their secrets, by name. */
export const KEYS = { reader: 'cgk_reader-secret', writer: 'cgk_writer-secret', admin: 'cgk_admin-secret', none: 'cgk_unknown' }

/** API_KEYS with a read-only, a read+write and an all-scopes key. */
export const keyedEnv = {
  API_KEYS: [`reader:read:${hashApiKey(KEYS.reader)}`, `writer:read+write:${hashApiKey(KEYS.writer)}`, `ops:read+write+admin:${hashApiKey(KEYS.admin)}`].join(';')
}

/** A gateway on a fresh in-memory engine that counts every SDK call reaching storage and keeps its log lines. */
export interface ProductionGateway {
  gateway: Gateway
  backend: Backend
  logs: Array<Record<string, any>>
  /** SDK calls that reached storage since the gateway was built (start-up calls excluded). */
  storageCalls(): number
  post(body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>
}

/** Builds the gateway with `env` (LOG_LEVEL=debug so every line is captured) and optional transport wrapping. */
export async function createProductionGateway(
  env: Record<string, string> = {},
  options: ProductionOptions & { wrapTransport?: (client: SdkHttpClient) => SdkHttpClient } = {}
): Promise<ProductionGateway> {
  let calls = 0
  const config = loadConfig({ ENGINE_PATH: ':memory:', DEMO_CUSTOMERS: '0', LOG_LEVEL: 'debug', ...env })
  const backend = createBackend(config.backend, {
    wrapTransport: (inner) => {
      const wrapped = options.wrapTransport ? options.wrapTransport(inner) : inner
      return { makeRequest: (url, c) => (calls++, wrapped.makeRequest(url, c)) }
    }
  })
  await backend.sdk.waitForInitialization().catch(() => undefined)
  const logs: Array<Record<string, any>> = []
  const logger = createLogger(config.production.logLevel, (line) => logs.push(JSON.parse(line)))
  const gateway = createGateway(config, backend, { logger, ...options })
  const base = calls
  return {
    gateway,
    backend,
    logs,
    storageCalls: () => calls - base,
    async post(body, headers = {}) {
      const res = await gateway.fetch('http://gateway.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body)
      })
      const text = await res.text()
      return { status: res.status, headers: res.headers, body: JSON.parse(text) }
    }
  }
}

/** `Authorization: Bearer <key>`. */
export function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` }
}
