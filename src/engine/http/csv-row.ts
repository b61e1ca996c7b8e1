/** A record as an export row: `__id`, `__label`, then its properties (no `__proptypes`). */
export function csvRow(record: Record<string, unknown>): Record<string, unknown> {
  const { __id, __label, __proptypes: _types, ...props } = record
  const row: Record<string, unknown> = { __id }
  if (__label !== undefined) row.__label = __label
  return Object.assign(row, props)
}
