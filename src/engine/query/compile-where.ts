import { badRequest } from '../errors.js'
import type { CompileContext, RelatedStep } from './compile-context.js'
import { combineLogical } from './combine-logical.js'
import { compileIdCriterion } from './compile-id.js'
import { compileFieldCriterion } from './compile-operator.js'
import { compileRelatedBlock } from './compile-related.js'
import { TRUE, joinFrags, sql, type Frag } from './sql-fragment.js'
import { BLOCK_KEYS, LOGICAL_KEYS, isOperatorObject, isPlainObject, logicalOperands } from './where-keys.js'

/**
 * Compiles a `where` object on the record aliased `rec` into a boolean SQL expression: the AND of
 * its keys. `steps` is the chain of related blocks leading here (for `$alias` registration).
 */
export function compileWhereObject(
  where: Record<string, unknown>, rec: string, ctx: CompileContext, path: string, steps: RelatedStep[] = []
): Frag {
  const parts = Object.entries(where).map(([key, value]) => compileWhereEntry(key, value, rec, ctx, `${path}.${key}`, steps))
  if (parts.length === 0) return TRUE
  return parts.length === 1 ? parts[0] : joinFrags(parts, ' AND ')
}

function compileWhereEntry(key: string, value: unknown, rec: string, ctx: CompileContext, path: string, steps: RelatedStep[]): Frag {
  if (LOGICAL_KEYS.has(key)) {
    const operands = logicalOperands(value).map((operand, i) => {
      if (!isPlainObject(operand)) throw badRequest(`${path}[${i}]: expected an object of criteria`)
      return compileWhereObject(operand, rec, ctx, `${path}[${i}]`, steps)
    })
    return combineLogical(key, operands)
  }
  if (key === '$id') return compileIdCriterion(value, rec, path)
  if (BLOCK_KEYS.has(key)) throw badRequest(`${path}: ${key} is only allowed inside a related-record block`)
  if (key.startsWith('$')) throw badRequest(`${path}: unknown operator "${key}"`)
  if (isPlainObject(value) && !isOperatorObject(value)) {
    return compileRelatedBlock(key, value, rec, ctx, path, steps)
  }
  return sql(compileFieldCriterion(key, value, rec, ctx, path))
}
