import { CompileContext } from './compile-context.js'
import { compileWhereObject } from './compile-where.js'
import type { SearchQuery, SearchScope } from './search-query.js'
import { TRUE, frag, joinFrags, placeholders, sql, type Frag } from './sql-fragment.js'

/** The root record filter of a query (labels, where, scope) on `records r`, plus declared aliases. */
export interface RootFilter {
  where: Frag
  ctx: CompileContext
}

/**
 * Rids already known to contain every match (from the in-memory indexes), as a JSON array;
 * `exact` when they are precisely the matches, so labels and where need no SQL at all.
 */
export interface Candidates {
  json: string
  exact: boolean
}

/** Compiles labels + where + scope into one boolean expression over `records r`. */
export function compileRootFilter(query: SearchQuery, scope: SearchScope = {}, ctx = new CompileContext(), candidates?: Candidates): RootFilter {
  const parts: Frag[] = []
  if (candidates) parts.push(frag('r.rid IN (SELECT value FROM json_each(?))', candidates.json))
  if (candidates?.exact) {
    // Compiled anyway: it validates and registers the `$alias`es that select/aggregate refer to.
    if (query.where) compileWhereObject(query.where, 'r', ctx, 'where')
    return { where: parts[0], ctx }
  }
  const labels = effectiveLabels(query.labels)
  if (labels.length === 1) parts.push(frag('r.label = ?', labels[0]))
  else if (labels.length > 1) parts.push(sql('r.label IN (', placeholders(labels), ')'))
  if (scope.relatedToRid !== undefined) {
    parts.push(frag('r.rid IN (SELECT dst FROM rels WHERE src = ? UNION ALL SELECT src FROM rels WHERE dst = ?)', scope.relatedToRid, scope.relatedToRid))
  }
  if (query.where) {
    const where = compileWhereObject(query.where, 'r', ctx, 'where')
    if (where.sql !== '1') parts.push(where)
  }
  return { where: parts.length === 0 ? TRUE : joinFrags(parts, ' AND '), ctx }
}

/** RushDB drops `null` label entries only when two or more are given; a lone null is the label "null". */
export function effectiveLabels(labels: Array<string | null> | undefined): string[] {
  if (!labels || labels.length === 0) return []
  if (labels.length === 1) return [String(labels[0])]
  return labels.filter((l): l is string => typeof l === 'string')
}
