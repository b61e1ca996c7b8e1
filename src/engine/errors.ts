/** An error the engine answers with a given HTTP status and a message that says what is wrong. */
export class EngineError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = 'EngineError'
  }
}

/** 400: the request is malformed or asks for something the engine cannot do. */
export function badRequest(message: string): EngineError {
  return new EngineError(400, message)
}

/** 403: RushDB v1.8 answers unknown or foreign ids on `:id` routes with 403. */
export function forbidden(message = 'Forbidden resource'): EngineError {
  return new EngineError(403, message)
}

/** 404: nothing there. */
export function notFound(message = 'Not Found'): EngineError {
  return new EngineError(404, message)
}
