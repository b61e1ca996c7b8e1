import { randomUUID } from 'node:crypto'
import type { Identity } from '../security/api-keys.js'

/** What the gateway learns about one HTTP request as it goes through the plugins. */
export interface RequestState {
  /** The caller's `x-request-id` when it is sane, else a new UUID; echoed in the response. */
  id: string
  startedAt: number
  identity?: Identity
  operationName?: string
  operationType?: string
  rushdbCalls?: number
  errorCodes?: string[]
}

const states = new WeakMap<Request, RequestState>()
const SANE_ID = /^[A-Za-z0-9._:\-]{1,128}$/

/** The state of `request`, created on first use (so every plugin sees the same id). */
export function requestStateOf(request: Request): RequestState {
  let state = states.get(request)
  if (!state) {
    const given = request.headers.get('x-request-id')
    state = { id: given && SANE_ID.test(given) ? given : randomUUID(), startedAt: performance.now() }
    states.set(request, state)
  }
  return state
}
