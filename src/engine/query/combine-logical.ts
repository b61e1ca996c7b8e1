import { badRequest } from '../errors.js'
import { FALSE, TRUE, joinFrags, sql, type Frag } from './sql-fragment.js'

/**
 * Combines compiled operands of a logical operator: `$and`, `$or`, `$not` = NOT(AND),
 * `$nor` = NOT(OR), `$xor` = odd number of true operands (Cypher's left-associative XOR chain).
 */
export function combineLogical(op: string, parts: Frag[]): Frag {
  const wrapped = parts.map((p) => sql('(', p, ')'))
  switch (op) {
    case '$and':
      return parts.length === 0 ? TRUE : sql('(', joinFrags(wrapped, ' AND '), ')')
    case '$or':
      return parts.length === 0 ? FALSE : sql('(', joinFrags(wrapped, ' OR '), ')')
    case '$not':
      return parts.length === 0 ? FALSE : sql('NOT (', joinFrags(wrapped, ' AND '), ')')
    case '$nor':
      return parts.length === 0 ? TRUE : sql('NOT (', joinFrags(wrapped, ' OR '), ')')
    case '$xor': {
      if (parts.length === 0) return FALSE
      const terms = parts.map((p) => sql('COALESCE((', p, '), 0)'))
      return sql('((', joinFrags(terms, ' + '), ') % 2 = 1)')
    }
  }
  throw badRequest(`unknown logical operator "${op}"`)
}
