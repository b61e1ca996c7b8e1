import type { IncomingMessage } from 'node:http'
import { EngineError, badRequest } from '../errors.js'

/** The largest request body the HTTP server accepts. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024

// Past this much we stop draining and drop the connection rather than read forever.
const DRAIN_LIMIT = 4 * MAX_BODY_BYTES

function tooLarge(): EngineError {
  return new EngineError(413, `Request body is larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB`)
}

/** Reads the whole body as UTF-8; 413 past `MAX_BODY_BYTES` (after draining, so the client sees it). */
export function readBodyText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) over = true
      if (over) {
        chunks.length = 0
        if (size > DRAIN_LIMIT) req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks).toString('utf8'))))
    req.on('error', reject)
  })
}

/** Parses a JSON body; empty means none; 400 with the parser's message when it is not JSON. */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    throw badRequest(`Malformed JSON body: ${(error as Error).message}`)
  }
}
