/** A piece of SQL text with the parameters its placeholders bind, in text order. */
export interface Frag {
  sql: string
  params: unknown[]
}

/** A fragment from text and the values of its `?` placeholders (booleans bound as 1/0). */
export function frag(sql: string, ...params: unknown[]): Frag {
  return { sql, params: params.map(bindable) }
}

/** Joins fragments with a separator, keeping parameter order. */
export function joinFrags(parts: Frag[], separator: string): Frag {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) }
}

/** Concatenates text and fragments in order; strings are literal SQL (never request values). */
export function sql(...pieces: Array<string | Frag>): Frag {
  const out: Frag = { sql: '', params: [] }
  for (const piece of pieces) {
    if (typeof piece === 'string') out.sql += piece
    else {
      out.sql += piece.sql
      out.params.push(...piece.params)
    }
  }
  return out
}

/** `?, ?, ?` for a list of values, as one fragment. */
export function placeholders(values: unknown[]): Frag {
  return frag(values.map(() => '?').join(', '), ...values)
}

/** Lists longer than this are bound as one JSON array rather than one parameter per value. */
export const LONG_LIST = 16

/**
 * The operand of `x IN (…)` for `values`: placeholders for a short list; for a long one a single
 * JSON parameter, so the SQL text (and its cached statement) is the same whatever the list's
 * length, and SQLite probes the index once per value instead of scanning past a multi-column IN.
 */
export function inList(values: unknown[]): Frag {
  return values.length > LONG_LIST ? frag('SELECT value FROM json_each(?)', JSON.stringify(values)) : placeholders(values)
}

/** The always-true fragment. */
export const TRUE: Frag = { sql: '1', params: [] }

/** The always-false fragment. */
export const FALSE: Frag = { sql: '0', params: [] }

function bindable(value: unknown): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value
}
