import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../src/rushdb/create-backend.js'

const dir = mkdtempSync(join(tmpdir(), 'kill-import-'))
const file = join(dir, 'graph.db')
const BATCH = 40

afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the importer in a child process and SIGKILLs it once `acks` batches are acknowledged. */
function importThenKill(acks: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/import-until-killed.ts'), file, String(BATCH)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const acked: number[] = []
    let stderr = ''
    let buffered = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) if (line.startsWith('ACK ')) acked.push(Number(line.slice(4)))
      // Killed while the next batch is being written: the importer never waits between batches.
      if (acked.length >= acks && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(acked)
      else reject(new Error(`importer exited with ${code} before it was killed: ${stderr}`))
    })
  })
}

describe('the embedded engine killed with SIGKILL mid-import', () => {
  it('keeps every acknowledged batch, writes no partial batch, and stays consistent', async () => {
    const acked = await importThenKill(6)
    expect(acked.length).toBeGreaterThanOrEqual(6)
    // The kill was not a clean close: the write-ahead log is still there to be recovered.
    expect(existsSync(`${file}-wal`)).toBe(true)

    // The raw file: SQLite's own check, and no relationship or value pointing at a missing record.
    const raw = new Database(file)
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(raw.prepare('SELECT count(*) AS n FROM rels WHERE src NOT IN (SELECT rid FROM records) OR dst NOT IN (SELECT rid FROM records)').get()).toEqual({ n: 0 })
    expect(raw.prepare('SELECT count(*) AS n FROM vals WHERE rid NOT IN (SELECT rid FROM records)').get()).toEqual({ n: 0 })
    raw.close()

    // Through the SDK, as the gateway reads it after a restart.
    const backend = createBackend({ kind: 'embedded', path: file, profile: 'embedded' })
    const db = backend.sdk
    const customers = await db.records.find({ labels: ['CUSTOMER'], limit: 1000 } as never)
    expect(customers.data.length).toBeLessThan(1000) // the page above holds them all
    const byBatch = new Map<number, number>()
    for (const r of customers.data) {
      const batch = Number((r.data as Record<string, unknown>).batch)
      byBatch.set(batch, (byBatch.get(batch) ?? 0) + 1)
    }
    for (const batch of acked) expect(byBatch.get(batch), `acknowledged batch ${batch}`).toBe(BATCH)
    // A batch in flight at the kill is all there or not there at all.
    for (const [batch, count] of byBatch) expect([0, BATCH], `batch ${batch}`).toContain(count)
    // Every stored customer still has its nested subscription and ticket linked.
    const linked = await db.records.find({
      labels: ['CUSTOMER'],
      where: { SUBSCRIPTION: { status: 'active' }, SUPPORT_TICKET: { status: 'open' } },
      limit: 1000
    } as never)
    expect(linked.data.length).toBe(customers.data.length)
    const subscriptions = await db.records.find({ labels: ['SUBSCRIPTION'], limit: 1000 } as never)
    expect(subscriptions.data.length).toBe(customers.data.length)
    await backend.close()
  })
})
