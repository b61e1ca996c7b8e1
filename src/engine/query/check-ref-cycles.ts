import { badRequest } from '../errors.js'
import type { Expr } from './select-ast.js'

/** Throws 400 when `$ref`s name a missing key or form a cycle. */
export function checkRefCycles(map: Record<string, Expr>, path: string): void {
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (key: string, trail: string[]): void => {
    if (state.get(key) === 'done') return
    if (state.get(key) === 'visiting') throw badRequest(`${path}: $ref cycle ${[...trail, key].join(' -> ')}`)
    state.set(key, 'visiting')
    for (const ref of refsOf(map[key])) {
      if (!(ref in map)) throw badRequest(`${path}.${key}: $ref names unknown key "${ref}"`)
      visit(ref, [...trail, key])
    }
    state.set(key, 'done')
  }
  for (const key of Object.keys(map)) visit(key, [])
}

function refsOf(expr: Expr): string[] {
  if (expr.k === 'ref') return [expr.key]
  if (expr.k === 'arith') return [...refsOf(expr.a), ...refsOf(expr.b)]
  return []
}
