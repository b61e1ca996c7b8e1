import { describe, expect, it, vi } from 'vitest'
import { badRequest } from '../../src/engine/errors.js'
import { AsyncLock } from '../../src/engine/http/async-lock.js'
import { RequestExecutor, type RequestParts } from '../../src/engine/http/request-executor.js'
import type { ReadRoute, WriteRoute } from '../../src/engine/http/route-types.js'
import { TransactionManager } from '../../src/engine/http/transaction-manager.js'
import { openDatabase } from '../../src/engine/storage/open-database.js'
import { RecordStore } from '../../src/engine/storage/record-store.js'

function setup(ttl = 5000) {
  const db = openDatabase({ path: ':memory:' })
  const store = new RecordStore(db)
  const lock = new AsyncLock()
  const transactions = new TransactionManager(db, lock, ttl)
  const executor = new RequestExecutor({ db, store }, undefined, lock, transactions)
  const count = () => db.prepare('SELECT COUNT(*) FROM records').pluck().get() as number
  return { db, store, lock, transactions, executor, count }
}

const parts = (txId?: string): RequestParts => ({ params: {}, query: new URLSearchParams(), body: undefined, txId })

/** A write route that inserts two records then fails: nothing of it may remain. */
const failingWrite: WriteRoute = {
  method: 'POST',
  pattern: '/x',
  access: 'write',
  status: 201,
  handler: (ctx) => {
    ctx.store.insert({ label: 'A', props: { n: 1 }, proptypes: { n: 'number' } })
    ctx.store.insert({ label: 'A', props: { n: 2 }, proptypes: { n: 'number' } })
    throw badRequest('second half failed')
  }
}

const insertOne: WriteRoute = {
  ...failingWrite,
  handler: (ctx) => ({ data: ctx.store.insert({ label: 'A', props: {}, proptypes: {} }) })
}

const countRoute: ReadRoute = {
  method: 'POST',
  pattern: '/count',
  access: 'read',
  status: 200,
  handler: (ctx) => ({ data: ctx.db.prepare('SELECT COUNT(*) FROM records').pluck().get() })
}

describe('RequestExecutor', () => {
  it('runs each write request in one SQLite transaction: a failure leaves nothing behind', async () => {
    const { executor, count, db } = setup()
    await expect(executor.run(failingWrite, parts())).rejects.toThrow('second half failed')
    expect(count()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM vals').pluck().get()).toBe(0)
    await executor.run(insertOne, parts())
    expect(count()).toBe(1)
  })

  it('rolls back the whole user transaction when one of its requests fails', async () => {
    const { executor, transactions, count, lock } = setup()
    const id = await transactions.begin(undefined)
    await executor.run(insertOne, parts(id))
    await expect(executor.run(failingWrite, parts(id))).rejects.toThrow('second half failed')
    expect(transactions.has(id)).toBe(false)
    expect(lock.locked).toBe(false)
    expect(count()).toBe(0)
    await expect(executor.run(insertOne, parts(id))).rejects.toMatchObject({ status: 404 })
  })

  it('queues outside reads and writes (memory database) until the transaction ends, in order', async () => {
    const { executor, transactions } = setup()
    const id = await transactions.begin(undefined)
    await executor.run(insertOne, parts(id))
    const order: string[] = []
    const read1 = executor.run(countRoute, parts()).then((r) => (order.push('read1'), r.data))
    const write = executor.run(insertOne, parts()).then(() => order.push('write'))
    const read2 = executor.run(countRoute, parts()).then((r) => (order.push('read2'), r.data))
    await new Promise((r) => setTimeout(r, 20))
    expect(order).toEqual([])
    expect((await executor.run(countRoute, parts(id))).data).toBe(1)
    transactions.commit(id)
    expect(await read1).toBe(1)
    await write
    expect(await read2).toBe(2)
    expect(order).toEqual(['read1', 'write', 'read2'])
  })
})

describe('TransactionManager', () => {
  it('clamps the TTL to 30 s, rolls back on expiry and rejects a non-positive TTL', async () => {
    vi.useFakeTimers()
    try {
      const { transactions, executor, count, lock } = setup()
      await expect(transactions.begin(-1)).rejects.toThrow('ttl must be a positive number of milliseconds')
      await expect(transactions.begin('10')).rejects.toMatchObject({ status: 400 })
      const id = await transactions.begin(10 ** 9)
      await executor.run(insertOne, parts(id))
      vi.advanceTimersByTime(29_999)
      expect(transactions.has(id)).toBe(true)
      vi.advanceTimersByTime(1)
      expect(transactions.has(id)).toBe(false)
      expect(lock.locked).toBe(false)
      expect(count()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })

  it('refuses new transactions after closeAll', async () => {
    const { transactions, db } = setup()
    const id = await transactions.begin(undefined)
    const waiting = transactions.begin(undefined)
    transactions.closeAll()
    await expect(waiting).rejects.toMatchObject({ status: 503 })
    expect(transactions.has(id)).toBe(false)
    expect(db.inTransaction).toBe(false)
  })
})
