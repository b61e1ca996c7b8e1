/** Where the customer graph lives: the embedded engine (a file or memory) or a RushDB server. */
export type BackendConfig =
  | { kind: 'embedded'; path: string }
  | { kind: 'remote'; url: string; apiKey: string; timeoutMs: number }

/** Everything the gateway reads from its environment, in one typed object. */
export interface GatewayConfig {
  port: number
  host: string
  backend: BackendConfig
  /** Default and maximum page size of list and connection fields. */
  pageSize: { default: number; max: number }
  /** Demo data loaded on first start of an empty embedded store (0 = none). */
  demo: { customers: number; seed: number }
  /** Fold nested relation selections into the root query (needs `select`/`$collect`; on for the embedded engine). */
  foldRelations: boolean
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
  const backend: BackendConfig = url
    ? { kind: 'remote', url, apiKey: apiKey!, timeoutMs: intFrom(env, 'RUSHDB_TIMEOUT_MS', 10_000, 1) }
    : { kind: 'embedded', path: env.ENGINE_PATH ?? './data/customer-graph.db' }
  const pageDefault = intFrom(env, 'PAGE_SIZE_DEFAULT', 20, 1)
  const pageMax = intFrom(env, 'PAGE_SIZE_MAX', 100, 1)
  if (pageDefault > pageMax) throw new Error('PAGE_SIZE_DEFAULT must not exceed PAGE_SIZE_MAX')
  const fold = env.FOLD_RELATIONS
  return {
    port: intFrom(env, 'PORT', 4000, 0),
    host: env.HOST ?? '0.0.0.0',
    backend,
    pageSize: { default: pageDefault, max: pageMax },
    demo: { customers: intFrom(env, 'DEMO_CUSTOMERS', 1000), seed: intFrom(env, 'DEMO_SEED', 42) },
    foldRelations: fold === undefined || fold === '' ? backend.kind === 'embedded' : fold === 'true' || fold === '1',
    writes: { maxRecords: intFrom(env, 'WRITE_MAX_RECORDS', 50_000, 1), maxBodyBytes: intFrom(env, 'MAX_BODY_BYTES', 16 * 1024 * 1024, 1024) }
  }
}
