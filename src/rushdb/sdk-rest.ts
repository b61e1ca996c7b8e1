import type { RushDB } from '@rushdb/javascript-sdk'
import type { RestCall } from './rest-call.js'

const calls = new WeakMap<RushDB, RestCall>()

/**
 * Remembers the REST caller that shares `sdk`'s transport, so code handed only the SDK client (the
 * write path, the import command) can reach endpoints SDK 1.8.0 has no method for.
 */
export function bindRestCall(sdk: RushDB, rest: RestCall): void {
  calls.set(sdk, rest)
}

/** The REST caller bound to `sdk`, if its backend was built with one. */
export function restCallOf(sdk: RushDB): RestCall | undefined {
  return calls.get(sdk)
}
