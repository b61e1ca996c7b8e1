import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { IpcChannel, type ChannelMessage, type MessagePort } from '../../src/cluster/ipc-channel.js'
import { SharedRateLimitStore } from '../../src/cluster/shared-rate-limit-store.js'
import { TokenBucketStore } from '../../src/security/token-bucket.js'

/** Two ends of a link that delivers messages asynchronously and structured-cloned, as IPC does. */
function link(): [MessagePort, MessagePort] {
  const a = new EventEmitter()
  const b = new EventEmitter()
  const end = (self: EventEmitter, peer: EventEmitter): MessagePort => ({
    send: (message: ChannelMessage) => setImmediate(() => peer.emit('message', structuredClone(message))),
    on: (event, listener) => self.on(event, listener)
  })
  return [end(a, b), end(b, a)]
}

describe('IpcChannel', () => {
  it('answers requests both ways, and passes a handler’s error back as a rejection', async () => {
    const [p, w] = link()
    const primary = new IpcChannel(p)
    const worker = new IpcChannel(w)
    primary.answer('double', (n) => (n as number) * 2)
    worker.answer('greet', async (name) => `hello ${name}`)
    primary.answer('fail', () => {
      throw new Error('bucket store broken')
    })
    expect(await Promise.all([worker.ask('double', 21), worker.ask('double', 2)])).toEqual([42, 4])
    expect(await primary.ask('greet', 'primary')).toBe('hello primary')
    await expect(worker.ask('fail')).rejects.toThrow('bucket store broken')
    await expect(worker.ask('unknown')).rejects.toThrow('nothing answers "unknown" here')
  })

  it('ignores messages that are not its own', async () => {
    const [p, w] = link()
    const worker = new IpcChannel(w)
    new IpcChannel(p).answer('ping', () => 'pong')
    w.send({ hello: 'other traffic' } as never)
    expect(await worker.ask('ping')).toBe('pong')
  })
})

describe('SharedRateLimitStore', () => {
  it('takes tokens from the primary’s buckets', async () => {
    const [p, w] = link()
    const buckets = new TokenBucketStore(60, 2)
    new IpcChannel(p).answer('rate-limit', (body) => buckets.take((body as { key: string }).key, (body as { now: number }).now))
    const store = new SharedRateLimitStore(new IpcChannel(w), () => {
      throw new Error('no failure expected')
    })
    const decisions = [await store.take('k', 0), await store.take('k', 0), await store.take('k', 0), await store.take('other', 0)]
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, false, true])
    expect(decisions[2].retryAfterMs).toBe(1000)
  })

  it('lets requests through and reports it when the primary does not answer', async () => {
    const [, w] = link()
    const failures: string[] = []
    const store = new SharedRateLimitStore(new IpcChannel(w, 30), (error) => failures.push(error.message))
    expect(await store.take('k', 0)).toEqual({ allowed: true, retryAfterMs: 0 })
    expect(failures).toEqual(['no reply to "rate-limit" within 30 ms'])
  })
})
