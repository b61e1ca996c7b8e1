import { RushDB } from '@rushdb/javascript-sdk'
import type { BackendConfig } from '../config.js'
import { createEngine, type Engine } from '../engine/engine.js'
import { createInProcessClient } from '../engine/http/in-process-client.js'
import { trackCalls } from './call-tracker.js'
import { createRemoteHttpClient } from './remote-http-client.js'
import type { SdkHttpClient } from './sdk-transport.js'

/** Whether storage answers, and why not when it does not. */
export interface Readiness {
  ready: boolean
  reason?: string
}

/** The gateway's handle on storage: the SDK client and what is known about the backend. */
export interface Backend {
  kind: BackendConfig['kind']
  sdk: RushDB
  /** The embedded engine, when the gateway runs on it. */
  engine?: Engine
  /** Asks storage whether it answers (cached briefly so health probes stay cheap). */
  readiness(): Promise<Readiness>
  close(): Promise<void>
}

/** Options that let tests wrap the transport (to inject failures) without mocking the engine. */
export interface BackendOptions {
  wrapTransport?: (client: SdkHttpClient) => SdkHttpClient
}

/** Builds the SDK client for the configured backend; never lets the SDK's start-up call crash the process. */
export function createBackend(config: BackendConfig, options: BackendOptions = {}): Backend {
  const engine = config.kind === 'embedded' ? createEngine({ path: config.path }) : undefined
  const base: SdkHttpClient = engine
    ? (createInProcessClient(engine) as SdkHttpClient)
    : createRemoteHttpClient({ apiKey: config.kind === 'remote' ? config.apiKey : '', timeoutMs: config.kind === 'remote' ? config.timeoutMs : 0 })
  const transport = trackCalls(options.wrapTransport ? options.wrapTransport(base) : base)
  const url = config.kind === 'remote' ? config.url : 'http://embedded.local'
  const apiKey = config.kind === 'remote' ? config.apiKey : 'embedded'
  const sdk = new RushDB(apiKey, { url, httpClient: transport as never, timeout: config.kind === 'remote' ? config.timeoutMs : undefined })
  // SDK 1.8.0 rejects a static promise when its start-up settings call fails; handle it here so
  // an unreachable RushDB is reported by readiness instead of killing the process.
  sdk.waitForInitialization().catch(() => undefined)
  return { kind: config.kind, sdk, engine, readiness: cachedReadiness(sdk), close: async () => engine?.close() }
}

function cachedReadiness(sdk: RushDB): () => Promise<Readiness> {
  let last: { at: number; value: Readiness } | undefined
  return async () => {
    if (last && Date.now() - last.at < 2000) return last.value
    let value: Readiness
    try {
      await sdk.settings.get()
      value = { ready: true }
    } catch (error) {
      value = { ready: false, reason: `RushDB does not answer: ${(error as Error).message}` }
    }
    last = { at: Date.now(), value }
    return value
  }
}
