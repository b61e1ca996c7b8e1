import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashApiKey } from '../../src/security/api-keys.js'

const dir = mkdtempSync(join(tmpdir(), 'cluster-'))
const file = join(dir, 'graph.db')
const KEYS = { limited: 'cgk_limited', writer: 'cgk_writer', ops: 'cgk_ops' }
const API_KEYS = [`limited:read:${hashApiKey(KEYS.limited)}`, `writer:read+write:${hashApiKey(KEYS.writer)}`, `ops:read+admin:${hashApiKey(KEYS.ops)}`].join(';')

interface Reply {
  status: number
  body: any
  text: string
}

/** One request on its own connection, so the OS hands each to the next worker in turn. */
function send(port: number, path: string, key: string, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, connection: 'close' }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const req = request({ host: '127.0.0.1', port, path, method: body === undefined ? 'GET' : 'POST', headers, agent: false }, (res) => {
      let text = ''
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode!, text, body: res.headers['content-type']?.includes('json') ? JSON.parse(text) : undefined }))
    })
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

/** The server's JSON log lines so far, and a way to wait for one. */
class LogWatch {
  readonly lines: Array<Record<string, any>> = []
  private waiters: Array<{ test: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }> = []

  constructor(child: ChildProcess) {
    let buffered = ''
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString()
      const parts = buffered.split('\n')
      buffered = parts.pop()!
      for (const text of parts) {
        if (!text.startsWith('{')) continue
        const line = JSON.parse(text)
        this.lines.push(line)
        this.waiters = this.waiters.filter((w) => (w.test(line) ? (w.resolve(line), false) : true))
      }
    })
  }

  /** The first line (already seen or still to come) that passes `test`. */
  next(test: (l: Record<string, any>) => boolean, after = 0): Promise<Record<string, any>> {
    const seen = this.lines.slice(after).find(test)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve) => this.waiters.push({ test, resolve }))
  }
}

const count = (text: string, status: number) => Number(text.match(new RegExp(`graphql_requests_total\\{[^}]*status="${status}"\\} (\\d+)`, 'g'))?.reduce((n, m) => n + Number(m.split(' ').pop()), 0) ?? 0)

describe('WORKERS=2: one server, two gateway processes', () => {
  let child: ChildProcess
  let logs: LogWatch
  let port: number
  let stderr = ''

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        ...process.env,
        WORKERS: '2',
        PORT: '0',
        HOST: '127.0.0.1',
        ENGINE_PATH: file,
        DEMO_CUSTOMERS: '20',
        API_KEYS,
        // 10 requests at once per key, then one a minute: the test never waits long enough for a refill.
        RATE_LIMIT_PER_MINUTE: '1',
        RATE_LIMIT_BURST: '10',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    child.stderr!.on('data', (d) => (stderr += d))
    logs = new LogWatch(child)
    const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${stderr}`))))
    port = (await Promise.race([logs.next((l) => l.msg === 'customer graph gateway listening'), exited])).port
  }, 60_000)

  afterAll(() => {
    child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  })

  it('starts two workers on one port after loading the demo graph once', () => {
    expect(logs.lines.filter((l) => l.msg === 'worker listening').map((l) => l.port)).toEqual([port, port])
    expect(logs.lines.filter((l) => l.msg === 'loaded the demo customer graph')).toHaveLength(1)
    expect(logs.lines.find((l) => l.msg === 'customer graph gateway listening')).toMatchObject({ workers: 2 })
  })

  it('applies a key’s rate limit once for the machine, whichever worker serves the request', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 14; i++) statuses.push((await send(port, '/graphql', KEYS.limited, { query: '{ customers(limit: 1) { customerId } }' })).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(10)
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429])
    const served = logs.lines.filter((l) => l.msg === 'request' && l.key === 'limited')
    expect(new Set(served.map((l) => l.worker))).toEqual(new Set([1, 2]))
  })

  it('serves /metrics summed over the workers', async () => {
    const metrics = await send(port, '/metrics', KEYS.ops)
    expect(metrics.status).toBe(200)
    expect(count(metrics.text, 200)).toBe(10)
    expect(count(metrics.text, 429)).toBe(4)
  })

  it('lets every worker read what another one wrote', async () => {
    const write = await send(port, '/graphql', KEYS.writer, {
      query: 'mutation($c: [CustomerInput!]!) { importCustomers(customers: $c) { summary { created } } }',
      variables: { c: [{ customerId: 'c-cluster', name: 'Written once', plan: 'pro' }] }
    })
    expect(write.body.data.importCustomers.summary.created).toBe(1)
    const before = logs.lines.length
    for (let i = 0; i < 4; i++) {
      const read = await send(port, '/graphql', KEYS.writer, { query: '{ customers(where: { customerId: { eq: "c-cluster" } }) { name plan } }' })
      expect(read.body.data.customers).toEqual([{ name: 'Written once', plan: 'pro' }])
    }
    const readers = logs.lines.slice(before).filter((l) => l.msg === 'request' && l.operationType === 'query')
    expect(new Set(readers.map((l) => l.worker))).toEqual(new Set([1, 2]))
  })

  it('replaces a worker that dies, then stops every worker on SIGTERM with exit code 0', async () => {
    const victim = logs.lines.find((l) => l.msg === 'worker started' && l.worker === 1)!
    const mark = logs.lines.length
    process.kill(victim.pid, 'SIGKILL')
    expect(await logs.next((l) => l.msg === 'worker exited unexpectedly', mark)).toMatchObject({ worker: 1, signal: 'SIGKILL' })
    await logs.next((l) => l.msg === 'worker listening' && l.worker === 3, mark)
    for (let i = 0; i < 2; i++) expect((await send(port, '/graphql', KEYS.writer, { query: '{ customers(limit: 2) { customerId } }' })).status).toBe(200)

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const stopped = logs.lines.filter((l) => l.msg === 'stopped cleanly: in-flight requests answered, storage closed')
    expect(stopped.map((l) => l.worker).sort()).toEqual([2, 3])
    expect(logs.lines.at(-1)).toMatchObject({ msg: 'stopped cleanly: every worker has stopped', exitCode: 0 })
    expect(existsSync(`${file}-wal`)).toBe(false)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare(`SELECT count(*) AS n FROM records WHERE label = 'CUSTOMER'`).get()).toEqual({ n: 21 })
    db.close()
  }, 60_000)
})
