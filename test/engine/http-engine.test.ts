import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../../src/engine/engine.js'

describe('createEngine on a file', () => {
  it('is durable across close and reopen, and rolls back an open transaction on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'engine-file-'))
    try {
      const path = join(dir, 'nested', 'engine.db')
      const first = createEngine({ path })
      expect(first.db.pragma('journal_mode', { simple: true })).toBe('wal')
      const created = await first.handle({ method: 'POST', path: '/records', headers: {}, body: { label: 'A', data: { n: 1 } } })
      expect(created.status).toBe(201)
      const tx = (await first.handle({ method: 'POST', path: '/tx', headers: {}, body: {} })).body as { data: { id: string } }
      const inTx = await first.handle({ method: 'POST', path: '/records', headers: { 'x-transaction-id': tx.data.id }, body: { label: 'A', data: { n: 2 } } })
      expect(inTx.status).toBe(201)
      first.close()

      const second = createEngine({ path })
      const found = await second.handle({ method: 'POST', path: '/records/search', headers: {}, body: { orderBy: { n: 'asc' } } })
      expect(found.body).toEqual({ success: true, data: [(created.body as { data: unknown }).data], total: 1 })
      second.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
