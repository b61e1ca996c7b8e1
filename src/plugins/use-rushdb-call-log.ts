import type { Plugin } from 'graphql-yoga'
import type { GatewayContext } from '../context.js'
import { withCallLog } from '../rushdb/call-tracker.js'

/**
 * Runs each execution inside its own RushDB call log and reports the count in
 * `extensions.rushdb.calls`, so clients, tests and benchmarks see the round trips of a request.
 */
export function useRushdbCallLog(): Plugin<GatewayContext> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const ctx = args.contextValue as GatewayContext
      setExecuteFn((execArgs) => withCallLog(ctx.callLog, () => executeFn(execArgs)))
      return {
        onExecuteDone({ result, setResult }) {
          if (result && typeof result === 'object' && 'data' in result) {
            setResult({ ...result, extensions: { ...(result.extensions ?? {}), rushdb: { calls: ctx.callLog.calls.length } } })
          }
        }
      }
    }
  }
}
