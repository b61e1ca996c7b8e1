/** Why a RushDB call failed below HTTP status level. */
export type FailureReason = 'timeout' | 'unreachable' | 'garbage'

/**
 * A RushDB call that got no usable answer: no answer in time, no connection, or a body that is not
 * a RushDB response. Thrown by the transport so retries and error translation can tell them apart.
 */
export class BackendFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = 'BackendFailure'
  }
}
