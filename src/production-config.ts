import { readFileSync } from 'node:fs'
import { parseApiKeys, type ApiKeyEntry } from './security/api-keys.js'

type Env = Record<string, string | undefined>

/** Log verbosity, most to least chatty; `silent` writes nothing. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent'

/** Limits that reject abusive operations before they reach RushDB; 0 switches a limit off. */
export interface OperationLimits {
  /** Deepest field nesting (introspection fields are not counted). */
  maxDepth: number
  /** Highest cost: objects the response can hold, lists counted at their page size. */
  maxCost: number
  /** Most aliased fields in one operation, fragments expanded. */
  maxAliases: number
  /** Most lexical tokens in one document (stops parser-bound floods). */
  maxTokens: number
  /** Longest an execution may run before it is answered with TIMEOUT. */
  executionTimeoutMs: number
}

/** Security, limits and observability settings (see README's configuration table). */
export interface ProductionConfig {
  /** Hashed API keys; empty = open local-development mode. */
  apiKeys: ApiKeyEntry[]
  /** NODE_ENV=production with no keys is refused unless this is set (ALLOW_OPEN_ACCESS=true). */
  allowOpenAccess: boolean
  nodeEnv: string
  limits: OperationLimits
  /** Per-key token bucket: sustained requests per minute and burst size (0 = off). */
  rateLimit: { perMinute: number; burst: number }
  /** Persisted operations (id → document) and whether only they may run. */
  persistedOperations: { operations: Map<string, string>; only: boolean }
  logLevel: LogLevel
  /** `/metrics` served at all, and whether it needs an `admin` key when keys are configured. */
  metrics: { enabled: boolean; public: boolean }
  /** On SIGTERM, keep serving this long with /ready at 503 before closing the listener. */
  shutdownDelayMs: number
  /** Emit OpenTelemetry spans (needs an OpenTelemetry SDK registered in the process to export them). */
  tracing: boolean
}

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be an integer ≥ 0, got "${raw}"`)
  return n
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (/^(1|true|yes|on)$/i.test(raw)) return true
  if (/^(0|false|no|off)$/i.test(raw)) return false
  throw new Error(`${name} must be true or false, got "${raw}"`)
}

function logLevel(raw: string | undefined): LogLevel {
  // Tests stay quiet unless asked; a server logs at info.
  const value = raw ?? (process.env.VITEST ? 'silent' : 'info')
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(value)) throw new Error(`LOG_LEVEL must be debug, info, warn, error or silent, got "${value}"`)
  return value as LogLevel
}

function persistedOperations(env: Env): Map<string, string> {
  const file = env.PERSISTED_OPERATIONS_FILE
  if (!file) return new Map()
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new Error(`PERSISTED_OPERATIONS_FILE ${file} is not a readable JSON file: ${(error as Error).message}`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`PERSISTED_OPERATIONS_FILE ${file} must hold a JSON object of id → GraphQL document`)
  const out = new Map<string, string>()
  for (const [id, doc] of Object.entries(parsed)) {
    if (typeof doc !== 'string') throw new Error(`PERSISTED_OPERATIONS_FILE ${file}: the value of "${id}" must be a GraphQL document string`)
    out.set(id, doc)
  }
  return out
}

/** Reads the production settings; throws with the variable's name when one is invalid. */
export function loadProductionConfig(env: Env): ProductionConfig {
  const keyText = [env.API_KEYS ?? '', env.API_KEYS_FILE ? readFileSync(env.API_KEYS_FILE, 'utf8') : ''].join('\n')
  const operations = persistedOperations(env)
  const only = bool(env, 'PERSISTED_OPERATIONS_ONLY', false)
  if (only && operations.size === 0) throw new Error('PERSISTED_OPERATIONS_ONLY=true needs PERSISTED_OPERATIONS_FILE with at least one operation')
  const perMinute = int(env, 'RATE_LIMIT_PER_MINUTE', 600)
  const apiKeys = parseApiKeys(keyText)
  const allowOpenAccess = bool(env, 'ALLOW_OPEN_ACCESS', false)
  const nodeEnv = env.NODE_ENV ?? 'development'
  if (nodeEnv === 'production' && apiKeys.length === 0 && !allowOpenAccess) {
    throw new Error('NODE_ENV=production but no API keys are configured: set API_KEYS or API_KEYS_FILE (npm run keys -- new --name <client> --scopes read), or ALLOW_OPEN_ACCESS=true to serve without keys')
  }
  return {
    apiKeys,
    allowOpenAccess,
    nodeEnv,
    limits: {
      maxDepth: int(env, 'MAX_DEPTH', 10),
      maxCost: int(env, 'MAX_COST', 250_000),
      maxAliases: int(env, 'MAX_ALIASES', 30),
      maxTokens: int(env, 'MAX_TOKENS', 5000),
      executionTimeoutMs: int(env, 'EXECUTION_TIMEOUT_MS', 15_000)
    },
    rateLimit: { perMinute, burst: int(env, 'RATE_LIMIT_BURST', Math.max(1, Math.ceil(perMinute / 6))) },
    persistedOperations: { operations, only },
    logLevel: logLevel(env.LOG_LEVEL),
    metrics: { enabled: bool(env, 'METRICS', true), public: bool(env, 'METRICS_PUBLIC', false) },
    shutdownDelayMs: int(env, 'SHUTDOWN_DELAY_MS', 0),
    tracing: bool(env, 'OTEL_TRACING', !!env.OTEL_EXPORTER_OTLP_ENDPOINT)
  }
}
