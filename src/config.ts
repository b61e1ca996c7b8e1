import { availableParallelism } from 'node:os'
import { embeddingConfigFrom, type EmbeddingConfig } from './engine/ai/embedding-config.js'
import { loadProductionConfig, type ProductionConfig } from './production-config.js'
import { isProfileName, type ProfileName } from './rushdb/backend-profile.js'

/**
 * Where the customer graph lives: the embedded engine (a file or memory) or a RushDB server, and
 * which SearchQuery forms it accepts (`profile`: the engine's extensions, or plain RushDB).
 */
export type BackendConfig =
  | { kind: 'embedded'; path: string; profile: ProfileName; embedding?: EmbeddingConfig }
  | { kind: 'remote'; url: string; apiKey: string; timeoutMs: number; retries: number; profile: ProfileName }

/** Everything the gateway reads from its environment, in one typed object. */
export interface GatewayConfig {
  port: number
  host: string
  /** Gateway processes sharing the port (`WORKERS`; `auto` = one per core). More than one needs a file or a RushDB server. */
  workers: number
  backend: BackendConfig
  /** Default and maximum page size of list and connection fields. */
  pageSize: { default: number; max: number }
  /** Demo data loaded on first start of an empty embedded store (0 = none). */
  demo: { customers: number; seed: number }
  /** Fold nested relation selections into the root query (needs the embedded profile's `$collect`; on there by default). */
  foldRelations: boolean
  /** API keys, operation limits, rate limit, persisted operations, logs, metrics, tracing. */
  production: ProductionConfig
  /** Limits of writes: records per mutation (children included) and bytes per request body. */
  writes: { maxRecords: number; maxBodyBytes: number }
}

type Env = Record<string, string | undefined>

function intFrom(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`)
  return n
}

/** Reads the configuration from environment variables; throws with the variable's name when one is invalid. */
export function loadConfig(env: Env = process.env): GatewayConfig {
  const url = env.RUSHDB_URL
  const apiKey = env.RUSHDB_API_KEY
  if (url && !apiKey) throw new Error('RUSHDB_URL is set but RUSHDB_API_KEY is not: set both to use a RushDB server')
  const profile = profileFrom(env, url ? 'remote' : 'embedded')
  const backend: BackendConfig = url
    ? {
        kind: 'remote',
        url,
        apiKey: apiKey!,
        timeoutMs: intFrom(env, 'RUSHDB_TIMEOUT_MS', 10_000, 1),
        retries: intFrom(env, 'RUSHDB_RETRIES', 2, 0),
        profile
      }
    : { kind: 'embedded', path: env.ENGINE_PATH ?? './data/customer-graph.db', profile, embedding: embeddingConfigFrom(env) }
  const pageDefault = intFrom(env, 'PAGE_SIZE_DEFAULT', 20, 1)
  const pageMax = intFrom(env, 'PAGE_SIZE_MAX', 100, 1)
  if (pageDefault > pageMax) throw new Error('PAGE_SIZE_DEFAULT must not exceed PAGE_SIZE_MAX')
  const fold = foldFrom(env, profile)
  const workers = workersFrom(env)
  if (workers > 1 && backend.kind === 'embedded' && backend.path === ':memory:') {
    throw new Error('WORKERS > 1 needs storage the processes can share: set ENGINE_PATH to a file (or RUSHDB_URL), or WORKERS=1 for an in-memory store')
  }
  return {
    port: intFrom(env, 'PORT', 4000, 0),
    host: env.HOST ?? '0.0.0.0',
    workers,
    backend,
    pageSize: { default: pageDefault, max: pageMax },
    demo: { customers: intFrom(env, 'DEMO_CUSTOMERS', 1000), seed: intFrom(env, 'DEMO_SEED', 42) },
    foldRelations: fold,
    production: loadProductionConfig(env),
    writes: { maxRecords: intFrom(env, 'WRITE_MAX_RECORDS', 50_000, 1), maxBodyBytes: intFrom(env, 'MAX_BODY_BYTES', 16 * 1024 * 1024, 1024) }
  }
}

function workersFrom(env: Env): number {
  if (env.WORKERS === 'auto') return availableParallelism()
  return intFrom(env, 'WORKERS', 1, 1)
}

function profileFrom(env: Env, fallback: ProfileName): ProfileName {
  const raw = env.BACKEND_PROFILE
  if (raw === undefined || raw === '') return fallback
  if (!isProfileName(raw)) throw new Error(`BACKEND_PROFILE must be "embedded" or "remote", got "${raw}"`)
  return raw
}

function foldFrom(env: Env, profile: ProfileName): boolean {
  const raw = env.FOLD_RELATIONS
  if (raw === undefined || raw === '') return profile === 'embedded'
  const fold = raw === 'true' || raw === '1'
  if (fold && profile !== 'embedded') {
    throw new Error('FOLD_RELATIONS needs the embedded profile (related $collect is an engine extension); unset it or set BACKEND_PROFILE=embedded')
  }
  return fold
}
