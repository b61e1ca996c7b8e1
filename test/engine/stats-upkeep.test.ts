import { RushDB } from '@rushdb/javascript-sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'
import { STATS_MIN_CHANGES } from '../../src/engine/storage/stats-upkeep.js'

// Planner statistics must follow a bulk import: without them related lookups right after the
// import were planned as scans of a whole label.

const engines: Engine[] = []
afterEach(() => {
  for (const e of engines.splice(0)) e.close()
})

function open(): { engine: Engine; db: RushDB } {
  const engine = createEngine({ path: ':memory:' })
  engines.push(engine)
  return { engine, db: new RushDB('embedded', { url: 'http://embedded.local', httpClient: createInProcessClient(engine) as never }) }
}

const statRows = (engine: Engine) => engine.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").pluck().get() === 0
  ? 0
  : (engine.db.prepare("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'vals'").pluck().get() as number)

describe('planner statistics', () => {
  it('stay absent after small writes and are refreshed after a large import, in or out of a transaction', async () => {
    const { engine, db } = open()
    await db.records.createMany({ label: 'CUSTOMER', data: [{ customerId: 'c-0', TICKET: [{ status: 'open' }] }] })
    expect(statRows(engine)).toBe(0)

    // Each customer is 3 changes: 2 new records (counted by rid, not logged) + 1 edge (logged).
    const customers = Math.ceil(STATS_MIN_CHANGES / 3) + 10
    const data = Array.from({ length: customers }, (_, i) => ({ customerId: `c-${i + 1}`, TICKET: [{ status: i % 2 ? 'open' : 'closed' }] }))
    const tx = await db.tx.begin()
    await db.records.createMany({ label: 'CUSTOMER', data }, tx)
    expect(statRows(engine)).toBe(0)
    await db.tx.commit(tx)
    expect(statRows(engine)).toBeGreaterThan(0)
    expect(engine.db.prepare("SELECT stat FROM sqlite_stat1 WHERE idx = 'records_label'").pluck().get()).toMatch(/^\d+ /)
  })

  it('are refreshed after a large import of flat records, which logs no change row', async () => {
    const { engine, db } = open()
    const data = Array.from({ length: STATS_MIN_CHANGES + 10 }, (_, i) => ({ eventId: `e-${i}`, kind: i % 3 ? 'view' : 'click' }))
    await db.records.createMany({ label: 'EVENT', data })
    expect(engine.db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(0)
    expect(statRows(engine)).toBeGreaterThan(0)
  })
})
