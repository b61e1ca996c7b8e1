import Database from 'better-sqlite3'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCustomerGraph } from '../../src/demo/generate-customer-graph.js'

const ROOT = join(import.meta.dirname, '..', '..')
// One process (node with tsx's loader), so a kill reaches the import itself, not a wrapper.
const NODE_ARGS = ['--import', 'tsx', 'src/cli/import.ts']
const dir = mkdtempSync(join(tmpdir(), 'import-cli-'))

afterAll(() => rmSync(dir, { recursive: true, force: true }))

function customers(count: number, seed = 3): Array<Record<string, unknown>> {
  return [...generateCustomerGraph({ customers: count, seed }).customerBatches(100)].flatMap((b) => b.customers as unknown as Array<Record<string, unknown>>)
}

function runImport(file: string, db: string, args: string[] = []) {
  const result = spawnSync(process.execPath, [...NODE_ARGS, file, ...args], { cwd: ROOT, env: { ...process.env, ENGINE_PATH: db }, encoding: 'utf8', timeout: 120_000 })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Counts straight from the engine file; `readonly` while the import may still be writing it. */
function stored(db: string, readonly = false): { customers: number; distinctCustomers: number; records: number; rels: number } {
  const conn = new Database(db, { readonly })
  try {
    return conn
      .prepare(
        `SELECT (SELECT count(*) FROM records WHERE label = 'CUSTOMER') AS customers,
                (SELECT count(DISTINCT json_extract(props, '$.customerId')) FROM records WHERE label = 'CUSTOMER') AS distinctCustomers,
                (SELECT count(*) FROM records) AS records, (SELECT count(*) FROM rels) AS rels`
      )
      .get() as { customers: number; distinctCustomers: number; records: number; rels: number }
  } finally {
    conn.close()
  }
}

describe('npm run import', () => {
  it('imports NDJSON with bad lines reported by number, and a second run duplicates nothing', () => {
    const good = customers(40)
    const lines = good.map((c) => JSON.stringify(c))
    lines.splice(5, 0, '{"customerId": "bad-1", "SUBSCRIPTION": [{"seats": "ten"}]}')
    lines.splice(10, 0, '{"customerId": "broken", "plan": ')
    lines.splice(20, 0, '{"plan": "pro"}')
    const file = join(dir, 'customers.ndjson')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const db = join(dir, 'ndjson.db')

    const first = runImport(file, db, ['--batch-size', '7'])
    expect(first.code).toBe(1)
    expect(first.stdout).toContain(`${file} (CUSTOMER): 43 payloads`)
    expect(first.stdout).toMatch(/created\s+40\n\s+updated\s+0\n\s+unchanged\s+0\n\s+failed\s+3/)
    expect(first.stdout).toContain('line 6: SUBSCRIPTION[0].seats: must be a 32-bit integer, got "ten"')
    expect(first.stdout).toMatch(/line 11: not valid JSON/)
    expect(first.stdout).toContain('line 21: needs its customerId')
    expect(first.stderr).toMatch(/progress: 43 payloads · 100% · [\d,]+\/s · ETA 0:00 · 3 failed · took/)
    const afterFirst = stored(db)
    expect(afterFirst).toMatchObject({ customers: 40, distinctCustomers: 40 })

    const second = runImport(file, db)
    expect(second.stdout).toMatch(/created\s+0\n\s+updated\s+0\n\s+unchanged\s+40\n\s+failed\s+3/)
    expect(stored(db)).toEqual(afterFirst)
  })

  it('imports a JSON array of any label with --merge-by and --link-to', () => {
    const db = join(dir, 'generic.db')
    const base = join(dir, 'base.json')
    writeFileSync(base, JSON.stringify(customers(3), null, 2))
    expect(runImport(base, db).code).toBe(0)
    const file = join(dir, 'nps.json')
    const ids = customers(3).map((c) => c.customerId as string)
    const answers = [
      { responseId: 'r-1', customerId: ids[0], score: 9 },
      { responseId: 'r-2', customerId: ids[1], score: 3, comment: 'needs "bulk" edit, [soon]' },
      { responseId: 'r-3', customerId: 'nobody', score: 5 }
    ]
    writeFileSync(file, JSON.stringify(answers, null, 2))
    const args = ['--label', 'NPS_RESPONSE', '--merge-by', 'responseId', '--link-to', 'CUSTOMER.customerId']
    const first = runImport(file, db, args)
    expect(first.stdout).toMatch(/created\s+2\n\s+updated\s+0\n\s+unchanged\s+0\n\s+failed\s+1/)
    expect(first.stdout).toContain('line 13: customerId: no Customer has customerId "nobody"')
    const second = runImport(file, db, args)
    expect(second.stdout).toMatch(/created\s+0\n\s+updated\s+0\n\s+unchanged\s+2\n\s+failed\s+1/)
    const conn = new Database(db, { readonly: true })
    const linked = conn
      .prepare(`SELECT count(*) AS n FROM rels e JOIN records c ON c.rid = e.src JOIN records r ON r.rid = e.dst WHERE c.label = 'CUSTOMER' AND r.label = 'NPS_RESPONSE'`)
      .get() as { n: number }
    conn.close()
    expect(linked.n).toBe(2)
  })

  it('can be killed and run again without duplicates', async () => {
    const all = customers(400, 11)
    const file = join(dir, 'big.ndjson')
    writeFileSync(file, all.map((c) => JSON.stringify(c)).join('\n'))
    const clean = join(dir, 'clean.db')
    expect(runImport(file, clean).code).toBe(0)
    const expected = stored(clean)

    const db = join(dir, 'killed.db')
    const child = spawn(process.execPath, [...NODE_ARGS, file, '--batch-size', '4'], { cwd: ROOT, env: { ...process.env, ENGINE_PATH: db }, stdio: 'ignore' })
    const exited = new Promise((resolve) => child.on('exit', resolve))
    // Kill it once some batches are committed, mid-file.
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 50))
      try {
        if (stored(db, true).customers >= 8) break
      } catch {
        // the file is not created yet
      }
    }
    child.kill('SIGKILL')
    await exited
    const partial = stored(db)
    expect(partial.customers).toBeGreaterThan(0)
    expect(partial.customers).toBeLessThan(400)

    const rerun = runImport(file, db)
    expect(rerun.code).toBe(0)
    expect(rerun.stdout).toMatch(new RegExp(`created\\s+${400 - partial.customers}\\n\\s+updated\\s+0\\n\\s+unchanged\\s+${partial.customers}`))
    expect(stored(db)).toEqual(expected)
  })
})
