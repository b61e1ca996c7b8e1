import { cpus } from 'node:os'

/** One row of the printed table. */
export interface ReportRow {
  measure: string
  engine: string
  floor: string
  target: string
  met: boolean | null
}

/** Machine, runtime, date and command line, printed above the table. */
export function machineLines(command: string): string[] {
  const cpu = cpus()
  return [
    `machine: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores`,
    `node: ${process.version}, ${process.platform}/${process.arch}`,
    `date: ${new Date().toISOString()}`,
    `command: ${command}`
  ]
}

/** Formats milliseconds as "median / p95". */
export function msPair(median: number, p95: number): string {
  const f = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1))
  return `${f(median)} / ${f(p95)} ms`
}

/** A plain fixed-width table (also valid Markdown, so it can be pasted into docs/benchmarks.md). */
export function formatTable(rows: ReportRow[]): string {
  const header = ['measure', 'engine via SDK (median / p95)', 'hand-written SQL floor (median / p95)', 'target', 'met']
  const body = rows.map((r) => [r.measure, r.engine, r.floor, r.target, r.met === null ? '-' : r.met ? 'yes' : 'NO'])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...body.map(line)].join('\n')
}
