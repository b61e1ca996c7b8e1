import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createInterface } from 'node:readline'

/** One payload read from an import file: its value, or why it could not be parsed. */
export type ReadItem = { line: number; value: unknown } | { line: number; error: string }

/** Bytes of the file read so far (for progress). */
export interface ReadPosition {
  bytesRead: number
}

/** `json` for a file whose first character is `[`, else `ndjson` (one JSON value per line). */
export async function detectFormat(path: string): Promise<'json' | 'ndjson'> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(4096)
    for (let position = 0; ; position += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position)
      if (bytesRead === 0) return 'ndjson'
      const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '')
      const first = text.trimStart()[0]
      if (first !== undefined) return first === '[' ? 'json' : 'ndjson'
    }
  } finally {
    await handle.close()
  }
}

function parse(text: string, line: number): ReadItem {
  try {
    return { line, value: JSON.parse(text) }
  } catch (error) {
    return { line, error: `not valid JSON (${(error as Error).message})` }
  }
}

/** NDJSON: every non-empty line is one payload, parsed on its own, so a bad line spoils nothing else. */
async function* readNdjson(path: string, position: ReadPosition): AsyncGenerator<ReadItem> {
  const stream = createReadStream(path, { encoding: 'utf8' })
  const lines = createInterface({ input: stream, crlfDelay: Infinity })
  let line = 0
  for await (const text of lines) {
    line++
    position.bytesRead = stream.bytesRead
    const trimmed = line === 1 ? text.replace(/^\uFEFF/, '').trim() : text.trim()
    if (trimmed !== '') yield parse(trimmed, line)
  }
  position.bytesRead = stream.bytesRead
}

/** Splits a top-level JSON array into its elements as they stream in, each with the line it starts on. */
class ArraySplitter {
  private depth = 0
  private inString = false
  private escaped = false
  private line = 1
  private parts: string[] = []
  private startLine = 0
  private ended = false

  /** Feeds a chunk; returns the elements it completed. Throws when the text is not one JSON array. */
  push(chunk: string): ReadItem[] {
    const out: ReadItem[] = []
    let from = -1
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]
      if (c === '\n') this.line++
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (c === '\\') this.escaped = true
        else if (c === '"') this.inString = false
        continue
      }
      if (this.depth === 0) {
        if (c === '[' && !this.ended) this.depth = 1
        else if (!/\s/.test(c) && c !== '\uFEFF') throw new Error(`line ${this.line}: expected one JSON array, found ${JSON.stringify(c)}`)
        continue
      }
      if (this.depth === 1 && (c === ',' || c === ']')) {
        if (from >= 0) this.parts.push(chunk.slice(from, i))
        from = -1
        const text = this.parts.join('').trim()
        this.parts = []
        if (text !== '') out.push(parse(text, this.startLine))
        else if (c === ',') throw new Error(`line ${this.line}: empty element in the array`)
        if (c === ']') {
          this.depth = 0
          this.ended = true
        }
        continue
      }
      if (from < 0 && this.depth === 1 && /\s/.test(c)) continue
      if (from < 0) {
        from = i
        if (this.parts.length === 0) this.startLine = this.line
      }
      if (c === '"') this.inString = true
      else if (c === '{' || c === '[') this.depth++
      else if (c === '}' || c === ']') this.depth--
    }
    if (from >= 0) this.parts.push(chunk.slice(from))
    return out
  }

  /** Checks the array was closed. */
  end(): void {
    if (!this.ended) throw new Error(`line ${this.line}: the JSON array is not closed`)
  }
}

/**
 * A JSON array, streamed element by element. An element that is not valid JSON is reported with
 * its line and the next one is read; broken structure (an unclosed string or bracket) cannot be
 * resynchronised and ends the file with an error.
 */
async function* readJsonArray(path: string, position: ReadPosition): AsyncGenerator<ReadItem> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })
  const splitter = new ArraySplitter()
  for await (const chunk of stream) {
    position.bytesRead = stream.bytesRead
    yield* splitter.push(chunk as string)
  }
  splitter.end()
}

/** Streams the payloads of a JSON-array or NDJSON file with their line numbers. */
export async function* readRecords(path: string, position: ReadPosition = { bytesRead: 0 }): AsyncGenerator<ReadItem> {
  const format = await detectFormat(path)
  yield* format === 'json' ? readJsonArray(path, position) : readNdjson(path, position)
}
