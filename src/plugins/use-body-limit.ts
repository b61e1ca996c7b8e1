import type { Plugin } from 'graphql-yoga'

type FetchAPI = { Response: typeof Response; Request: typeof Request }

function tooLarge(fetchAPI: FetchAPI, maxBytes: number): Response {
  const body = {
    errors: [
      {
        message: `The request body is larger than ${maxBytes} bytes (MAX_BODY_BYTES). Send smaller batches, or use \`npm run import\` for bulk files.`,
        extensions: { code: 'PAYLOAD_TOO_LARGE', maxBytes }
      }
    ]
  }
  return new fetchAPI.Response(JSON.stringify(body), { status: 413, headers: { 'content-type': 'application/json; charset=utf-8', connection: 'close' } })
}

/** Reads a body of unknown length, giving up as soon as it passes `maxBytes`; undefined then. */
async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array | undefined> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined)
      return undefined
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.byteLength
  }
  return out
}

/**
 * Refuses request bodies over `maxBytes` with HTTP 413 and a GraphQL-shaped JSON body, before
 * anything parses them: at once when Content-Length says so, else while reading (chunked bodies).
 */
export function useBodyLimit(maxBytes: number): Plugin {
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD' || request.body === null) return
      const declared = request.headers.get('content-length')
      if (declared !== null && declared !== '') {
        if (Number(declared) > maxBytes) endResponse(tooLarge(fetchAPI, maxBytes))
        // A declared length is enforced by the HTTP server: the body cannot be longer.
        return
      }
      const body = await readLimited(request.body, maxBytes)
      if (!body) {
        endResponse(tooLarge(fetchAPI, maxBytes))
        return
      }
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: body as unknown as BodyInit }))
    }
  }
}
