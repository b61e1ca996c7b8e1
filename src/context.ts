import type { GatewayConfig } from './config.js'
import type { LoaderCache } from './loaders/loader-cache.js'
import type { CallLog } from './rushdb/call-tracker.js'
import type { Backend } from './rushdb/create-backend.js'

/** What every resolver gets: storage, configuration, this request's loaders and RushDB call log. */
export interface GatewayContext {
  backend: Backend
  config: GatewayConfig
  loaders: LoaderCache
  callLog: CallLog
}
