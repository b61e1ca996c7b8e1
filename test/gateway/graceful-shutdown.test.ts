import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createGracefulShutdown } from '../../src/graceful-shutdown.js'
import type { SdkHttpClient } from '../../src/rushdb/sdk-transport.js'
import { createProductionGateway } from './production-gateway.js'

const dir = mkdtempSync(join(tmpdir(), 'shutdown-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function post(port: number, body: unknown): Promise<{ status: number; body: any; connection?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = ''
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), connection: res.headers.connection }))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

describe('graceful shutdown', () => {
  it('finishes the request in flight, refuses new connections, then closes the engine file cleanly', async () => {
    let release!: () => void
    let entered!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const slow = (inner: SdkHttpClient): SdkHttpClient => ({
      makeRequest: async (url, config) => {
        if (url.includes('/records/search')) {
          entered()
          await gate
        }
        return inner.makeRequest(url, config)
      }
    })
    const file = join(dir, 'in-process.db')
    const t = await createProductionGateway({ ENGINE_PATH: file, LOG_LEVEL: 'silent' }, { wrapTransport: slow })
    await t.backend.sdk.records.create({ label: 'CUSTOMER', data: { customerId: 'c-1', name: 'Ann' } })
    const server = createServer((req, res) => {
      lifecycle.track(res)
      void t.gateway(req, res)
    })
    const lifecycle = createGracefulShutdown({ server, gateway: t.gateway, backend: t.backend, logger: { info() {}, warn() {}, error() {}, debug() {}, level: 'silent' } })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as AddressInfo).port

    const inFlight = post(port, { query: '{ customers { customerId name } }' })
    await inside
    const stopped = lifecycle.shutdown('SIGTERM')
    expect(lifecycle.draining).toBe(true)
    await expect(post(port, { query: '{ customers { customerId } }' })).rejects.toThrow(/ECONNREFUSED/)
    release()
    const answered = await inFlight
    expect(answered.status).toBe(200)
    expect(answered.body.data.customers).toEqual([{ customerId: 'c-1', name: 'Ann' }])
    expect(answered.connection).toBe('close')
    await stopped
    expect(t.backend.engine!.db.open).toBe(false)
    // A clean close checkpoints the write-ahead log into the file and removes it.
    expect(existsSync(`${file}-wal`)).toBe(false)
  })

  it('stops `npm start`’s server on SIGTERM with exit code 0 and a consistent file', async () => {
    const file = join(dir, 'server.db')
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ENGINE_PATH: file, DEMO_CUSTOMERS: '30', LOG_LEVEL: 'info', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const lines: Array<Record<string, any>> = []
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const listening = new Promise<number>((resolve, reject) => {
      let buffered = ''
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString()
        const parts = buffered.split('\n')
        buffered = parts.pop()!
        for (const line of parts) {
          const entry = JSON.parse(line)
          lines.push(entry)
          if (entry.msg === 'customer graph gateway listening') resolve(entry.port)
        }
      })
      child.on('exit', (code) => reject(new Error(`server exited early (${code}): ${stderr}`)))
    })
    const port = await listening
    expect(stderr).toContain('OPEN ACCESS: no API keys are configured')
    const res = await post(port, { query: '{ customers(limit: 3) { customerId } }' })
    expect(res.body.data.customers).toHaveLength(3)
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(lines.map((l) => l.msg)).toContain('stopped cleanly: in-flight requests answered, storage closed')
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ status: 200, rushdbCalls: 1, operationType: 'query' })
    expect(existsSync(`${file}-wal`)).toBe(false)
    const db = new Database(file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.prepare(`SELECT count(*) AS n FROM records WHERE label = 'CUSTOMER'`).get()).toEqual({ n: 30 })
    db.close()
  })
})
