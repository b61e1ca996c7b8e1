import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openHarness, TRANSPORTS, type Harness } from './conformance-transports.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Resolves to whether `promise` settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false
  promise.then(
    () => (settled = true),
    () => (settled = true)
  )
  await sleep(ms)
  return settled
}

const STORAGES = ['memory', 'file'] as const

describe.each(TRANSPORTS.flatMap((t) => STORAGES.map((s) => [t, s] as const)))('transactions over %s, %s database', (kind, storage) => {
  let h: Harness
  let dir: string | undefined
  const open = async (options: { txDefaultTtlMs?: number } = {}) => {
    dir = storage === 'file' ? mkdtempSync(join(tmpdir(), 'engine-tx-')) : undefined
    h = await openHarness(kind, { ...options, path: dir ? join(dir, 'engine.db') : undefined })
    return h
  }
  afterEach(async () => {
    await h.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })
  const count = async (tx?: any) => (await h.db.records.find({ labels: ['T'] }, tx)).total

  it('hides uncommitted writes from outside readers and shows them after commit', async () => {
    await open()
    const tx = await h.db.tx.begin()
    expect((await h.db.tx.get(tx)).id).toBe(tx.id)
    await h.db.records.create({ label: 'T', data: { a: 1 } }, tx)
    expect(await count(tx)).toBe(1)
    const outside = count()
    if (storage === 'file') {
      expect(await outside).toBe(0)
    } else {
      // One in-memory connection: outside readers wait for the transaction to end.
      expect(await settlesWithin(outside, 50)).toBe(false)
    }
    const committed = await h.db.tx.commit(tx)
    expect(committed.data).toEqual({ message: `Transaction (${tx.id}) has been successfully committed.` })
    if (storage === 'memory') expect(await outside).toBe(1)
    expect(await count()).toBe(1)
    await expect(h.db.tx.get(tx)).rejects.toThrow('404')
  })

  it('discards writes on rollback', async () => {
    await open()
    const tx = await h.db.tx.begin()
    await h.db.records.createMany({ label: 'T', data: [{ a: 1 }, { a: 2 }], options: { suggestTypes: true, returnResult: true } }, tx)
    expect(await count(tx)).toBe(2)
    const res = await h.db.tx.rollback(tx)
    expect(res.data).toEqual({ message: `Transaction (${tx.id}) has been rolled back.` })
    expect(await count()).toBe(0)
  })

  it('makes outside writes wait until the transaction ends', async () => {
    await open()
    const tx = await h.db.tx.begin()
    await h.db.records.create({ label: 'T', data: { who: 'inside' } }, tx)
    const outsideWrite = h.db.records.create({ label: 'T', data: { who: 'outside' } })
    expect(await settlesWithin(outsideWrite, 50)).toBe(false)
    await h.db.tx.rollback(tx)
    await outsideWrite
    const rows = await h.db.records.find({ labels: ['T'] })
    expect(rows.data.map((r) => r.data!.who)).toEqual(['outside'])
  })

  it('rolls back on TTL expiry and forgets the id', async () => {
    await open()
    const tx = await h.db.tx.begin({ ttl: 100 })
    await h.db.records.create({ label: 'T', data: { a: 1 } }, tx)
    await sleep(300)
    await expect(h.db.tx.get(tx)).rejects.toThrow('404')
    await expect(h.db.records.create({ label: 'T', data: { a: 2 } }, tx)).rejects.toThrow('404')
    expect(await count()).toBe(0)
    expect((await h.raw('POST', `/tx/${tx.id}/commit`, {})).status).toBe(200)
    expect(await count()).toBe(0)
  })

  it('uses the engine default TTL when none is given', async () => {
    await open({ txDefaultTtlMs: 100 })
    const tx = await h.db.tx.begin()
    await h.db.records.create({ label: 'T', data: { a: 1 } }, tx)
    await sleep(300)
    expect(await count()).toBe(0)
  })

  it('rolls the whole transaction back when one of its requests fails', async () => {
    await open()
    const tx = await h.db.tx.begin()
    await h.db.records.create({ label: 'T', data: { a: 1 } }, tx)
    await expect(h.db.records.find({ labels: ['T'], limit: 5000 }, tx)).rejects.toThrow('400')
    await expect(h.db.tx.get(tx)).rejects.toThrow('404')
    expect(await count()).toBe(0)
    const unknown = await h.raw('POST', '/records/search', {}, { token: 'conformance-token', 'x-transaction-id': tx.id })
    expect(unknown.status).toBe(404)
    expect(unknown.body.message).toBe(`Transaction with ID ${tx.id} not found`)
  })

  it('queues a second transaction until the first ends', async () => {
    await open()
    const first = await h.db.tx.begin()
    const second = h.db.tx.begin()
    expect(await settlesWithin(second, 50)).toBe(false)
    await h.db.tx.commit(first)
    const tx2 = await second
    await h.db.records.create({ label: 'T', data: { a: 2 } }, tx2)
    await h.db.tx.commit(tx2)
    expect(await count()).toBe(1)
  })

  it('answers 200 for commit and rollback of unknown ids', async () => {
    await open()
    for (const action of ['commit', 'rollback']) {
      const res = await h.raw('POST', `/tx/nope/${action}`, {})
      expect(res.status).toBe(200)
    }
    expect((await h.raw('GET', '/tx/nope')).status).toBe(404)
  })
})
