import type { Server, ServerResponse } from 'node:http'
import type { Gateway } from './gateway.js'
import type { Logger } from './observability/logger.js'
import type { Backend } from './rushdb/create-backend.js'

/** What shutting down needs to stop, in order. */
export interface ShutdownParts {
  server: Server
  gateway: Gateway
  backend: Backend
  logger: Logger
  /** Flushes buffered telemetry last (e.g. the tracer provider). */
  flush?: () => Promise<void>
  /** Keep serving this long with /ready at 503 before closing the listener, so load balancers notice first. */
  drainDelayMs?: number
}

/** The shutdown sequence of a listening gateway and the request hook it needs. */
export interface GracefulShutdown {
  /** True once shutdown has begun: /ready answers 503 so load balancers stop routing here. */
  readonly draining: boolean
  /** Call for every request: responses sent while draining close their connection. */
  track(res: ServerResponse): void
  /** Stops accepting connections, lets in-flight requests finish, then closes the engine file. */
  shutdown(signal: string): Promise<void>
}

/** Builds the graceful shutdown of `parts`; idempotent, so a second signal does not restart it. */
export function createGracefulShutdown(parts: ShutdownParts): GracefulShutdown {
  const pending = new Set<ServerResponse>()
  let done: Promise<void> | undefined
  return {
    get draining() {
      return done !== undefined
    },
    track(res) {
      pending.add(res)
      res.once('close', () => pending.delete(res))
      if (done) res.setHeader('connection', 'close')
    },
    shutdown(signal) {
      done ??= (async () => {
        parts.logger.info('shutting down: finishing in-flight requests', { signal, inFlight: pending.size, drainDelayMs: parts.drainDelayMs ?? 0 })
        if (parts.drainDelayMs) await new Promise((resolve) => setTimeout(resolve, parts.drainDelayMs))
        const closed = new Promise<void>((resolve) => parts.server.close(() => resolve()))
        // Idle keep-alive sockets close now; busy ones close once their response is sent.
        for (const res of pending) if (!res.headersSent) res.setHeader('connection', 'close')
        parts.server.closeIdleConnections()
        await closed
        await parts.gateway.dispose()
        await parts.backend.close()
        await parts.flush?.()
        parts.logger.info('stopped cleanly: in-flight requests answered, storage closed')
      })()
      return done
    }
  }
}
