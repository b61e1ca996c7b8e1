import { RushDB } from '@rushdb/javascript-sdk'
import type { BackendConfig } from '../config.js'
import { createEmbedder } from '../engine/ai/embedding-config.js'
import { createEngine, type Engine } from '../engine/engine.js'
import { createInProcessClient } from '../engine/http/in-process-client.js'
import { backendProfile, type BackendProfile } from './backend-profile.js'
import { trackCalls } from './call-tracker.js'
import { readinessCheck, type Readiness } from './readiness-check.js'
import { createRemoteHttpClient } from './remote-http-client.js'
import { createRestCall, type RestCall } from './rest-call.js'
import { retryReads, type RetryOptions } from './retry-reads.js'
import { bindRestCall } from './sdk-rest.js'
import type { SdkHttpClient } from './sdk-transport.js'

export type { Readiness } from './readiness-check.js'

/** The gateway's handle on storage: the SDK client and what is known about the backend. */
export interface Backend {
  kind: BackendConfig['kind']
  /** Which SearchQuery forms this backend accepts; the compilers ask it instead of checking `kind`. */
  profile: BackendProfile
  sdk: RushDB
  /** RushDB endpoints SDK 1.8.0 has no method for (AI, relationship patterns), over the same transport. */
  rest: RestCall
  /** The embedded engine, when the gateway runs on it. */
  engine?: Engine
  /** Asks storage whether it answers (a "ready" answer is reused briefly so health probes stay cheap). */
  readiness(): Promise<Readiness>
  close(): Promise<void>
}

/** Options that let tests wrap the transport (to inject failures) and share an engine, without mocking it. */
export interface BackendOptions {
  wrapTransport?: (client: SdkHttpClient) => SdkHttpClient
  /** An open engine to serve instead of opening `config.path` (embedded only; the caller closes it). */
  engine?: Engine
  /** Retry timing (sleep, jitter) for remote reads; the count comes from the config. */
  retry?: Omit<RetryOptions, 'retries'>
}

/** Builds the SDK client for the configured backend; never lets the SDK's start-up call crash the process. */
export function createBackend(config: BackendConfig, options: BackendOptions = {}): Backend {
  const ownsEngine = config.kind === 'embedded' && !options.engine
  const engine = config.kind === 'embedded' ? (options.engine ?? createEngine({ path: config.path, embedder: createEmbedder(config.embedding ?? { kind: 'builtin' }) })) : undefined
  let transport: SdkHttpClient
  if (config.kind === 'remote') {
    const base = createRemoteHttpClient({ apiKey: config.apiKey, timeoutMs: config.timeoutMs })
    // Injected failures sit below the retries, where a real network's would.
    transport = retryReads(options.wrapTransport ? options.wrapTransport(base) : base, { ...options.retry, retries: config.retries })
  } else {
    const base = createInProcessClient(engine!) as SdkHttpClient
    transport = options.wrapTransport ? options.wrapTransport(base) : base
  }
  const url = config.kind === 'remote' ? config.url : 'http://embedded.local'
  const apiKey = config.kind === 'remote' ? config.apiKey : 'embedded'
  const tracked = trackCalls(transport)
  const sdk = new RushDB(apiKey, { url, httpClient: tracked as never, timeout: config.kind === 'remote' ? config.timeoutMs : undefined })
  // SDK 1.8.0 rejects a static promise when its start-up settings call fails; handle it here so
  // an unreachable RushDB is reported by readiness instead of killing the process.
  sdk.waitForInitialization().catch(() => undefined)
  const profile = backendProfile(config.profile)
  const rest = createRestCall(tracked, url, apiKey)
  bindRestCall(sdk, rest)
  return {
    kind: config.kind,
    profile,
    sdk,
    rest,
    engine,
    readiness: readinessCheck(sdk, { checkKey: config.kind === 'remote', skipTotal: profile.skipTotal }),
    close: async () => {
      if (ownsEngine) engine?.close()
    }
  }
}
