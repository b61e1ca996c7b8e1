// The parts of autocannon (no bundled types) the suite uses.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'
  interface Options {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    duration?: number
    verifyBody?: (body: string) => boolean
    /** Seconds before a request counts as timed out. */
    timeout?: number
  }
  interface Result {
    requests: { average: number; total: number }
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    mismatches: number
  }
  interface Instance extends EventEmitter {
    on(event: 'response', listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this
    stop(): void
  }
  function autocannon(options: Options, callback: (error: Error | null, result: Result) => void): Instance
  export default autocannon
}
