/** RFC 4180 line break, also papaparse's default. */
const CRLF = '\r\n'

/**
 * Serialises rows as RFC-4180 CSV. The header is the union of the rows' keys in order of first
 * appearance, with `leading` keys first. Cells are written the way papaparse's `unparse` writes
 * them (RushDB's exporter): null/undefined empty, arrays joined with commas, others `String()`.
 */
export function toCsv(rows: ReadonlyArray<Record<string, unknown>>, leading: readonly string[] = []): string {
  const columns: string[] = []
  const seen = new Set<string>()
  const add = (key: string) => {
    if (!seen.has(key)) {
      seen.add(key)
      columns.push(key)
    }
  }
  for (const key of leading) if (rows.some((row) => key in row)) add(key)
  for (const row of rows) for (const key of Object.keys(row)) add(key)
  const lines = [columns.map(quoteCell).join(',')]
  for (const row of rows) lines.push(columns.map((key) => quoteCell(cellText(row[key]))).join(','))
  return rows.length === 0 && columns.length === 0 ? '' : lines.join(CRLF)
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v))).join(',')
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Quotes a cell when it holds a comma, a quote, a line break or edge spaces; doubles quotes. */
export function quoteCell(text: string): string {
  if (/[",\r\n]/.test(text) || text.startsWith(' ') || text.endsWith(' ')) {
    return `"${text.replace(/"/g, '""')}"`
  }
  return text
}
