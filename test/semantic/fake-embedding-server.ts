import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** What the fake provider was sent. */
export interface EmbeddingRequest {
  authorization: string | undefined
  model: string
  input: string[]
}

/**
 * A stand-in for an OpenAI-compatible embeddings endpoint (`POST /v1/embeddings`), to exercise
 * the HTTP contract and failure handling: 8-dimensional vectors counting letter groups, and
 * switches to hold answers, fail with a status, or answer vectors of the wrong size.
 */
export class FakeEmbeddingServer {
  readonly requests: EmbeddingRequest[] = []
  mode: 'ok' | 'fail' | 'wrong-size' = 'ok'
  private held: Array<() => void> = []
  private holding = false
  private server: Server | undefined
  url = ''

  /** Starts listening on a free local port. */
  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = ''
      req.on('data', (c) => (raw += c))
      req.on('end', () => {
        const body = JSON.parse(raw || '{}')
        this.requests.push({ authorization: req.headers.authorization, model: body.model, input: body.input })
        const answer = () => this.answer(req.url ?? '', body, res)
        if (this.holding) this.held.push(answer)
        else answer()
      })
    })
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`
  }

  /** Holds answers until `release`. */
  hold(): void {
    this.holding = true
  }

  /** Sends every held answer. */
  release(): void {
    this.holding = false
    for (const send of this.held.splice(0)) send()
  }

  async stop(): Promise<void> {
    this.release()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private answer(url: string, body: { input: string[] }, res: import('node:http').ServerResponse): void {
    if (url !== '/v1/embeddings') return void res.writeHead(404).end('{}')
    if (this.mode === 'fail') return void res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"model overloaded"}')
    const size = this.mode === 'wrong-size' ? 3 : 8
    const data = body.input.map((text, index) => ({ index, embedding: letterVector(text, size) }))
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }))
  }
}

/** Counts of letters by group (a–c, d–f, …): texts sharing words point the same way. */
function letterVector(text: string, size: number): number[] {
  const v = new Array(size).fill(0.001)
  for (const ch of text.toLowerCase()) {
    const code = ch.charCodeAt(0) - 97
    if (code >= 0 && code < 26) v[Math.floor(code / 3) % size] += 1
  }
  return v
}
