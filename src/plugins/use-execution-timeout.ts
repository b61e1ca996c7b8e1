import type { ExecutionResult } from 'graphql'
import type { Plugin } from 'graphql-yoga'
import { gatewayError } from '../security/gateway-error.js'

/**
 * Answers an execution that runs longer than `timeoutMs` with code TIMEOUT (HTTP 504) and aborts
 * it: the executor checks the signal between fields, so no further resolver, and no further
 * RushDB call, starts after the deadline.
 */
export function useExecutionTimeout(timeoutMs: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      if (!timeoutMs) return
      setExecuteFn(async (args) => {
        const controller = new AbortController()
        const outer = (args as { signal?: AbortSignal }).signal
        outer?.addEventListener('abort', () => controller.abort(outer.reason), { once: true })
        let timer: NodeJS.Timeout | undefined
        const deadline = new Promise<ExecutionResult>((resolve) => {
          timer = setTimeout(() => {
            controller.abort(new Error(`execution exceeded ${timeoutMs} ms`))
            resolve({
              data: null,
              errors: [
                gatewayError(
                  `The operation did not finish within ${timeoutMs} ms and was stopped; ask for fewer records (smaller limit/first, fewer nested lists) or narrow the where filter (limit: EXECUTION_TIMEOUT_MS)`,
                  'TIMEOUT',
                  504
                )
              ]
            })
          }, timeoutMs)
        })
        try {
          return await Promise.race([executeFn({ ...args, signal: controller.signal } as typeof args) as Promise<ExecutionResult>, deadline])
        } finally {
          clearTimeout(timer)
        }
      })
    }
  }
}
