import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createProgressReporter, formatDuration, progressText } from '../../src/cli/progress.js'
import { readRecords, type ReadItem } from '../../src/cli/read-records.js'

const dir = mkdtempSync(join(tmpdir(), 'read-records-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function read(name: string, text: string): Promise<ReadItem[]> {
  const file = join(dir, name)
  writeFileSync(file, text)
  const out: ReadItem[] = []
  for await (const item of readRecords(file)) out.push(item)
  return out
}

describe('reading import files', () => {
  it('splits a JSON array into elements with the line each starts on, whatever strings contain', async () => {
    const text = '\uFEFF[\n  {"a": "x, ]} [{", "b": [1, 2]},\n  {"c": "quote \\" and \\\\"},\n\n  {\n    "d": {"e": []}\n  }, "plain", 7\n]\n'
    expect(await read('a.json', text)).toEqual([
      { line: 2, value: { a: 'x, ]} [{', b: [1, 2] } },
      { line: 3, value: { c: 'quote " and \\' } },
      { line: 5, value: { d: { e: [] } } },
      { line: 7, value: 'plain' },
      { line: 7, value: 7 }
    ])
  })

  it('reports an element that is not JSON and reads on; an unclosed array ends with an error', async () => {
    const items = await read('b.json', '[\n{"ok": 1},\n{"bad": tru},\n{"ok": 2}\n]')
    expect(items.map((i) => i.line)).toEqual([2, 3, 4])
    expect(items[1]).toMatchObject({ line: 3, error: expect.stringContaining('not valid JSON') })
    expect(items[2]).toEqual({ line: 4, value: { ok: 2 } })
    await expect(read('c.json', '[\n{"ok": 1},\n{"open": "never closed')).rejects.toThrow('the JSON array is not closed')
  })

  it('reads NDJSON line by line: a broken line spoils nothing after it', async () => {
    const items = await read('d.ndjson', '{"n": 1}\r\n\n{"n": 2, \n{"n": 3}\n   \n{"n": 4}')
    expect(items).toEqual([
      { line: 1, value: { n: 1 } },
      { line: 3, error: expect.stringContaining('not valid JSON') },
      { line: 4, value: { n: 3 } },
      { line: 6, value: { n: 4 } }
    ])
  })
})

describe('progress text', () => {
  it('shows payloads, share, rate, time left and failures', () => {
    expect(progressText({ payloads: 5000, failed: 2, bytesRead: 25, totalBytes: 100, elapsedMs: 10_000 })).toBe('5,000 payloads · 25% · 500/s · ETA 0:30 · 2 failed')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
  })

  it('redraws a bar in place on a terminal and writes plain lines elsewhere', () => {
    const written: string[] = []
    const stream = (isTTY: boolean) => ({ isTTY, write: (text: string) => written.push(text) }) as unknown as NodeJS.WriteStream
    const state = { payloads: 50, failed: 0, bytesRead: 50, totalBytes: 100, elapsedMs: 1000 }
    const bar = createProgressReporter(stream(true))
    bar.update(state)
    bar.done({ ...state, bytesRead: 100, payloads: 100, elapsedMs: 2000 })
    expect(written[0]).toBe('\r\x1b[K[############------------] 50 payloads · 50% · 50/s · ETA 0:01')
    expect(written.slice(1)).toEqual(['\r\x1b[K[########################] 100 payloads · 100% · 50/s · ETA 0:00', '\n'])
    written.length = 0
    const lines = createProgressReporter(stream(false), 2000)
    lines.update(state)
    lines.update({ ...state, elapsedMs: 2500 })
    lines.done({ ...state, elapsedMs: 3000 })
    expect(written).toEqual([
      'progress: 50 payloads · 50% · 20/s · ETA 0:03\n',
      'progress: 50 payloads · 50% · 17/s · ETA 0:03 · took 0:03\n'
    ])
  })
})
