import { RushDB } from '@rushdb/javascript-sdk'
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../src/engine/engine.js'
import { createInProcessClient } from '../../src/engine/http/in-process-client.js'
import { MIGRATIONS } from '../../src/engine/storage/migrations.js'

// A file written by an older engine must open in place: every record, value and edge kept,
// searchable through the new layout, and the in-memory indexes fed by the new change rows.

const dirs: string[] = []
const engines: Engine[] = []
afterEach(() => {
  for (const e of engines.splice(0)) e.close()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

function open(path: string): RushDB {
  const engine = createEngine({ path, indexPostingMinSize: 1 })
  engines.push(engine)
  return new RushDB('embedded', { url: 'http://embedded.local', httpClient: createInProcessClient(engine) as never })
}

/** The version just before the migration that made `vals` WITHOUT ROWID (found by content, not number). */
const BEFORE_VALS_KEY = MIGRATIONS.findIndex((sql) => sql.includes('vals_by_rid'))

/** A file at the older schema, written with plain SQL as that engine laid it out. */
function oldFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'))
  dirs.push(dir)
  const path = join(dir, 'graph.db')
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  for (const sql of MIGRATIONS.slice(0, BEFORE_VALS_KEY)) db.exec(sql)
  db.pragma(`user_version = ${BEFORE_VALS_KEY}`)
  const record = db.prepare('INSERT INTO records (id, label, props, proptypes) VALUES (?, ?, ?, ?)')
  const value = db.prepare('INSERT INTO vals (rid, name, type, pos, v, ts) VALUES (?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    const ada = Number(record.run('0190b6a0-0000-7000-8000-000000000001', 'CUSTOMER', '{"name":"Ada","plan":"pro","tags":["a","b"]}', '{"name":"string","plan":"string","tags":"string"}').lastInsertRowid)
    value.run(ada, 'name', 'string', 0, 'Ada', null)
    value.run(ada, 'plan', 'string', 0, 'pro', null)
    value.run(ada, 'tags', 'string', 0, 'a', null)
    value.run(ada, 'tags', 'string', 1, 'b', null)
    const ticket = Number(record.run('0190b6a0-0000-7000-8000-000000000002', 'SUPPORT_TICKET', '{"status":"open","at":"2026-01-02T03:04:05Z"}', '{"status":"string","at":"datetime"}').lastInsertRowid)
    value.run(ticket, 'status', 'string', 0, 'open', null)
    value.run(ticket, 'at', 'datetime', 0, '2026-01-02T03:04:05Z', Date.parse('2026-01-02T03:04:05Z'))
    db.prepare('INSERT INTO rels (src, dst, type) VALUES (?, ?, ?)').run(ada, ticket, 'HAS_TICKET')
  })()
  db.close()
  return path
}

describe('storage migrations', () => {
  it('convert an older file in place: values keyed by record, edges logged once', async () => {
    expect(BEFORE_VALS_KEY).toBeGreaterThan(0)
    const path = oldFile()
    const db = open(path)
    const raw = engines[0].db
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'vals'").pluck().get()).toMatch(/WITHOUT ROWID/)
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'vals_rid'").pluck().get()).toBe(0)
    expect(raw.prepare('SELECT rid, name, pos, v FROM vals ORDER BY rid, name, pos').raw().all()).toEqual([
      [1, 'name', 0, 'Ada'], [1, 'plan', 0, 'pro'], [1, 'tags', 0, 'a'], [1, 'tags', 1, 'b'],
      [2, 'at', 0, '2026-01-02T03:04:05Z'], [2, 'status', 0, 'open']
    ])

    const found = await db.records.find({ labels: ['CUSTOMER'], where: { tags: 'b', SUPPORT_TICKET: { at: { $gt: '2026-01-01T00:00:00Z' } } } })
    expect(found.data.map((r) => r.data.name)).toEqual(['Ada'])

    // A new edge is one change row naming both ends (a new record none: its rid is above every
    // rid seen), and searches through the indexes see it.
    const before = raw.prepare('SELECT count(*) FROM changes').pluck().get() as number
    const ticket = await db.records.create({ label: 'SUPPORT_TICKET', data: { status: 'closed' } })
    await db.records.attach({ source: found.data[0].data.__id as string, target: ticket.data.__id as string })
    const rows = raw.prepare('SELECT rid, kind, rid2 FROM changes WHERE seq > (SELECT max(seq) FROM changes) - 1 ORDER BY seq').raw().all()
    expect(raw.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(before + 1)
    expect(rows).toEqual([[1, 1, 3]])
    const closed = await db.records.find({ labels: ['CUSTOMER'], where: { SUPPORT_TICKET: { status: 'closed' } } })
    expect(closed.data.map((r) => r.data.name)).toEqual(['Ada'])
  })
})

/** The version just before the migration that took AUTOINCREMENT off the change log. */
const BEFORE_PLAIN_LOG = MIGRATIONS.findIndex((sql) => sql.includes('changes_plain'))

describe('change log without AUTOINCREMENT', () => {
  it('keeps its rows and numbering, and a reader on the file replays the writes after it', async () => {
    expect(BEFORE_PLAIN_LOG).toBeGreaterThan(BEFORE_VALS_KEY)
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'))
    dirs.push(dir)
    const path = join(dir, 'graph.db')
    const old = new Database(path)
    old.pragma('journal_mode = WAL')
    for (const sql of MIGRATIONS.slice(0, BEFORE_PLAIN_LOG)) old.exec(sql)
    old.pragma(`user_version = ${BEFORE_PLAIN_LOG}`)
    old.prepare('INSERT INTO records (id, label, props, proptypes) VALUES (?, ?, ?, ?)').run('0190b6a0-0000-7000-8000-000000000001', 'CUSTOMER', '{"name":"Ada","plan":"pro"}', '{"name":"string","plan":"string"}')
    old.prepare("INSERT INTO vals (rid, name, type, pos, v) VALUES (1, 'name', 'string', 0, 'Ada'), (1, 'plan', 'string', 0, 'pro')").run()
    // Pruned log: the oldest rows are gone, numbering goes on from the last one.
    old.exec('DELETE FROM changes WHERE seq < 1; INSERT INTO changes (seq, rid, kind) VALUES (41, 1, 0)')
    old.close()

    const reader = open(path)
    const raw = engines[0].db
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    expect(raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'changes'").pluck().get()).not.toMatch(/AUTOINCREMENT/i)
    expect(raw.prepare("SELECT count(*) FROM sqlite_sequence WHERE name = 'changes'").pluck().get()).toBe(0)
    expect(raw.prepare('SELECT seq, rid, kind FROM changes ORDER BY seq').raw().all()).toEqual([[1, 1, 0], [41, 1, 0]])
    const pro = { labels: ['CUSTOMER'], where: { plan: 'pro' } }
    expect((await reader.records.find(pro)).data.map((r) => r.data.name)).toEqual(['Ada'])

    // Another engine on the file writes: the new record is not logged, the update is, after the
    // last row; the reader's indexes follow both.
    const writer = open(path)
    await writer.records.create({ label: 'CUSTOMER', data: { name: 'Bea', plan: 'pro' } })
    await writer.records.update({ target: '0190b6a0-0000-7000-8000-000000000001', label: 'CUSTOMER', data: { plan: 'free' } })
    expect(raw.prepare('SELECT seq, rid, kind FROM changes WHERE seq > 41 ORDER BY seq').raw().all()).toEqual([[42, 1, 0]])
    expect((await reader.records.find(pro)).data.map((r) => r.data.name)).toEqual(['Bea'])
  })
})
