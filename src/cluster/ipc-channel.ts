/** Tag on every message the gateway's processes exchange, so other IPC traffic is left alone. */
const CHANNEL = 'customer-graph-gateway'

/** A request or its reply between the primary process and a worker. */
export interface ChannelMessage {
  channel: typeof CHANNEL
  /** What is asked (`rate-limit`, `metrics`, …); `reply` for an answer. */
  kind: string
  id: number
  body?: unknown
  error?: string
}

/** Something messages can be sent to and received from: `process` in a worker, a `Worker` in the primary. */
export interface MessagePort {
  send(message: ChannelMessage): unknown
  on(event: 'message', listener: (message: unknown) => void): unknown
}

/** Answers one kind of request; the returned value is sent back as the reply's body. */
export type RequestHandler = (body: unknown) => unknown

function isChannelMessage(message: unknown): message is ChannelMessage {
  return typeof message === 'object' && message !== null && (message as ChannelMessage).channel === CHANNEL
}

/**
 * Request/reply over a process IPC link, both ways: `ask` sends a request and resolves with the
 * other side's reply (rejects after `timeoutMs`, so a stuck peer never hangs a client request);
 * `answer` registers what this side replies to a kind of request.
 */
export class IpcChannel {
  private nextId = 1
  private readonly pending = new Map<number, { resolve: (body: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>()
  private readonly handlers = new Map<string, RequestHandler>()

  constructor(
    private readonly port: MessagePort,
    private readonly timeoutMs = 5_000
  ) {
    port.on('message', (message) => {
      if (isChannelMessage(message)) void this.receive(message)
    })
  }

  /** Sends a `kind` request and waits for its reply's body. */
  ask(kind: string, body?: unknown): Promise<unknown> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`no reply to "${kind}" within ${this.timeoutMs} ms`))
      }, this.timeoutMs)
      this.pending.set(id, { resolve, reject, timer })
      try {
        this.port.send({ channel: CHANNEL, kind, id, body })
      } catch (error) {
        clearTimeout(timer)
        this.pending.delete(id)
        reject(error as Error)
      }
    })
  }

  /** Replies to every `kind` request with what `handler` returns (or its error's message). */
  answer(kind: string, handler: RequestHandler): void {
    this.handlers.set(kind, handler)
  }

  private async receive(message: ChannelMessage): Promise<void> {
    if (message.kind === 'reply') {
      const waiting = this.pending.get(message.id)
      if (!waiting) return
      this.pending.delete(message.id)
      clearTimeout(waiting.timer)
      if (message.error !== undefined) waiting.reject(new Error(message.error))
      else waiting.resolve(message.body)
      return
    }
    const handler = this.handlers.get(message.kind)
    const reply: ChannelMessage = { channel: CHANNEL, kind: 'reply', id: message.id }
    try {
      if (!handler) throw new Error(`nothing answers "${message.kind}" here`)
      reply.body = await handler(message.body)
    } catch (error) {
      reply.error = (error as Error).message
    }
    try {
      this.port.send(reply)
    } catch {
      // The peer is gone (worker exiting); its pending request times out on its side.
    }
  }
}
