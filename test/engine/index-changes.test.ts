import { RushDB } from '@rushdb/javascript-sdk'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'

// The in-memory indexes are caches of committed data: after every kind of write, from this
// engine or another process on the same file, an indexed search must see exactly what SQL sees.

const dirs: string[] = []
const engines: Engine[] = []
afterEach(() => {
  for (const e of engines.splice(0)) e.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function open(path: string): { engine: Engine; db: RushDB } {
  const engine = createEngine({ path, indexPostingMinSize: 1 })
  engines.push(engine)
  return { engine, db: new RushDB('embedded', { url: 'http://embedded.local', httpClient: createInProcessClient(engine) as never }) }
}

function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'index-changes-'))
  dirs.push(dir)
  return join(dir, 'graph.db')
}

/** Pro customers with an open ticket: plain equality + a related block, so the indexes answer it. */
const AT_RISK = { labels: ['CUSTOMER'], where: { plan: 'pro', SUPPORT_TICKET: { status: 'open' } }, orderBy: { name: 'asc' as const } }

async function names(db: RushDB): Promise<string[]> {
  const result = await db.records.find(AT_RISK)
  expect(result.total).toBe(result.data.length)
  return result.data.map((r) => r.data.name as string)
}

async function seed(db: RushDB) {
  const created = await db.records.createMany({
    label: 'CUSTOMER',
    data: [
      { name: 'Ada', plan: 'pro', SUPPORT_TICKET: [{ status: 'open' }] },
      { name: 'Bob', plan: 'free', SUPPORT_TICKET: [{ status: 'open' }] },
      { name: 'Cy', plan: 'pro', SUPPORT_TICKET: [{ status: 'closed' }] }
    ],
    options: { returnResult: true, suggestTypes: true }
  })
  const byName = (n: string) => created.data.find((r) => r.data.name === n)!.data.__id as string
  return { ada: byName('Ada'), bob: byName('Bob'), cy: byName('Cy') }
}

describe('in-memory indexes follow writes', () => {
  it('see updates, attach, detach, deletes and new records', async () => {
    const { db } = open(':memory:')
    const ids = await seed(db)
    expect(await names(db)).toEqual(['Ada'])
    await db.records.update({ target: ids.bob, label: 'CUSTOMER', data: { plan: 'pro' } })
    expect(await names(db)).toEqual(['Ada', 'Bob'])
    const ticket = await db.records.create({ label: 'SUPPORT_TICKET', data: { status: 'open' } })
    await db.records.attach({ source: ids.cy, target: ticket.data.__id as string })
    expect(await names(db)).toEqual(['Ada', 'Bob', 'Cy'])
    await db.records.detach({ source: ids.cy, target: ticket.data.__id as string })
    expect(await names(db)).toEqual(['Ada', 'Bob'])
    await db.records.deleteById(ids.ada)
    expect(await names(db)).toEqual(['Bob'])
    await db.records.set({ target: ids.bob, label: 'CUSTOMER', data: { name: 'Bob', plan: 'starter' } })
    expect(await names(db)).toEqual([])
    await db.records.createMany({ label: 'CUSTOMER', data: { name: 'Dee', plan: 'pro', SUPPORT_TICKET: { status: 'open' } }, options: { suggestTypes: true } })
    expect(await names(db)).toEqual(['Dee'])
  })

  it('never see a rolled-back transaction, and see a committed one', async () => {
    const { db } = open(tempFile())
    const ids = await seed(db)
    expect(await names(db)).toEqual(['Ada'])
    const tx = await db.tx.begin()
    await db.records.update({ target: ids.bob, label: 'CUSTOMER', data: { plan: 'pro' } }, tx)
    // Outside the transaction the reader snapshot must not see the open write.
    expect(await names(db)).toEqual(['Ada'])
    await tx.rollback()
    expect(await names(db)).toEqual(['Ada'])
    const tx2 = await db.tx.begin()
    await db.records.update({ target: ids.bob, label: 'CUSTOMER', data: { plan: 'pro' } }, tx2)
    await tx2.commit()
    expect(await names(db)).toEqual(['Ada', 'Bob'])
    const ticket = await db.records.create({ label: 'SUPPORT_TICKET', data: { status: 'open' } })
    const tx3 = await db.tx.begin()
    await db.records.attach({ source: ids.cy, target: ticket.data.__id as string }, tx3)
    expect(await names(db)).toEqual(['Ada', 'Bob'])
    await tx3.rollback()
    expect(await names(db)).toEqual(['Ada', 'Bob'])
  })

  it('see writes made by another engine on the same file', async () => {
    const path = tempFile()
    const first = open(path)
    const ids = await seed(first.db)
    expect(await names(first.db)).toEqual(['Ada'])
    const second = open(path)
    await second.db.records.update({ target: ids.cy, label: 'CUSTOMER', data: { plan: 'free' } })
    await second.db.records.update({ target: ids.bob, label: 'CUSTOMER', data: { plan: 'pro' } })
    expect(await names(first.db)).toEqual(['Ada', 'Bob'])
    const ticket = await second.db.records.create({ label: 'SUPPORT_TICKET', data: { status: 'open' } })
    await second.db.records.attach({ source: ids.cy, target: ticket.data.__id as string })
    await second.db.records.update({ target: ids.cy, label: 'CUSTOMER', data: { plan: 'pro' } })
    expect(await names(first.db)).toEqual(['Ada', 'Bob', 'Cy'])
  })

  it('see records another engine creates, also at rids freed by deletions after they last read', async () => {
    // New records are not logged: a reader takes rids above the highest it saw as new. A rid
    // comes back once the records above it are deleted; the deletions tell the reader how low.
    const path = tempFile()
    const writer = open(path)
    const made = await writer.db.records.createMany({ label: 'CUSTOMER', data: [{ name: 'A', plan: 'free' }, { name: 'B', plan: 'free' }, { name: 'C', plan: 'free' }], options: { returnResult: true } })
    const [, b, c] = made.data.map((r) => r.data.__id as string)
    await writer.db.records.delete({ where: { $id: b } })
    const free = { labels: ['CUSTOMER'], where: { plan: 'free' }, orderBy: { name: 'asc' as const } }
    const freeNames = async (db: RushDB) => (await db.records.find(free)).data.map((r) => r.data.name)
    const reader = open(path)
    expect(await freeNames(reader.db)).toEqual(['A', 'C'])

    await writer.db.records.create({ label: 'CUSTOMER', data: { name: 'D', plan: 'free' } })
    expect(await freeNames(reader.db)).toEqual(['A', 'C', 'D'])
    await writer.db.records.delete({ where: { $id: { $in: [c, (await writer.db.records.find({ where: { name: 'D' } })).data[0].data.__id] } } })
    const e = await writer.db.records.create({ label: 'CUSTOMER', data: { name: 'E', plan: 'free' } })
    // E took rid 2, below the highest rid (4) the reader had seen.
    expect(writer.engine.db.prepare('SELECT rid FROM records WHERE id = ?').pluck().get(e.data.__id)).toBe(2)
    expect(await freeNames(reader.db)).toEqual(['A', 'E'])
    expect((await reader.db.records.find({ labels: ['CUSTOMER'], where: { name: 'E' } })).data.map((r) => r.data.__id)).toEqual([e.data.__id])
  })

  it('rebuild after the change log was pruned past what they had read', async () => {
    const path = tempFile()
    const first = open(path)
    const ids = await seed(first.db)
    expect(await names(first.db)).toEqual(['Ada'])
    const second = open(path)
    await second.db.records.update({ target: ids.bob, label: 'CUSTOMER', data: { plan: 'pro' } })
    second.engine.db.exec('DELETE FROM changes')
    expect(await names(first.db)).toEqual(['Ada', 'Bob'])
  })

  it('rebuild when the change log was emptied and refilled past where they had read', async () => {
    const path = tempFile()
    const first = open(path)
    const ids = await seed(first.db)
    expect(await names(first.db)).toEqual(['Ada'])
    const second = open(path)
    second.engine.db.exec('DELETE FROM changes')
    // Numbering restarts at 1: these rows reuse the numbers the reader already replayed.
    await second.db.records.update({ target: ids.bob, label: 'CUSTOMER', data: { plan: 'pro' } })
    for (let i = 0; i < 5; i++) await second.db.records.update({ target: ids.ada, label: 'CUSTOMER', data: { visits: i } })
    expect(second.engine.db.prepare('SELECT min(seq) FROM changes').pluck().get()).toBe(1)
    expect(await names(first.db)).toEqual(['Ada', 'Bob'])
  })
})
