import { badRequest } from '../errors.js'
import type { CompileContext, RelatedStep, RelationSpec } from './compile-context.js'
import { compileWhereObject } from './compile-where.js'
import { parseRelation } from './parse-relation.js'
import { frag, joinFrags, placeholders, sql, type Frag } from './sql-fragment.js'
import { BLOCK_KEYS, isPlainObject } from './where-keys.js'

/** Splits a related block into its step (label, relation, criteria) and its optional `$alias`. */
export function parseRelatedBlock(label: string, block: Record<string, unknown>, path: string): { step: RelatedStep; alias?: string } {
  const where: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(block)) if (!BLOCK_KEYS.has(k)) where[k] = v
  const alias = block.$alias
  if (alias !== undefined && (typeof alias !== 'string' || !/^\$\w+$/.test(alias) || alias === '$record')) {
    throw badRequest(`${path}.$alias: must be a string like "$name" (and not "$record")`)
  }
  return { step: { label, relation: parseRelation(block.$relation, `${path}.$relation`), where }, alias: alias as string | undefined }
}

/**
 * Compiles `LABEL: {…}`: the record `rec` has a neighbour labelled LABEL over one matching edge
 * that satisfies the block's criteria (recursively). Registers the block's `$alias`.
 */
export function compileRelatedBlock(
  label: string, value: unknown, rec: string, ctx: CompileContext, path: string, steps: RelatedStep[]
): Frag {
  if (!isPlainObject(value)) throw badRequest(`${path}: a related-record block must be an object`)
  const { step, alias } = parseRelatedBlock(label, value, path)
  const chain = [...steps, step]
  if (alias) ctx.aliases.set(alias, chain)
  const c = ctx.alias('c')
  const conds = compileWhereObject(step.where, c, ctx, path, chain)
  const childFilter = sql(frag(`${c}.label = ?`, label), conds.sql === '1' ? '' : sql(' AND ', conds))
  if (ctx.strategy.related === 'exists') {
    const probes = edgeSides(step.relation).map((side) => {
      const e = ctx.alias('e')
      const [near, far] = side === 'out' ? ['src', 'dst'] : ['dst', 'src']
      return sql(
        `EXISTS (SELECT 1 FROM rels ${e} JOIN records ${c} ON ${c}.rid = ${e}.${far} WHERE ${e}.${near} = ${rec}.rid`,
        typeFilter(e, step.relation), ' AND ', childFilter, ')'
      )
    })
    return probes.length === 1 ? probes[0] : sql('(', joinFrags(probes, ' OR '), ')')
  }
  const child = sql(`SELECT ${c}.rid FROM records ${c} WHERE `, childFilter)
  const parts = edgeSides(step.relation).map((side) => {
    const e = ctx.alias('e')
    const [near, far] = side === 'out' ? ['src', 'dst'] : ['dst', 'src']
    return sql(`SELECT ${e}.${near} FROM rels ${e} WHERE ${e}.${far} IN (`, child, ')', typeFilter(e, step.relation))
  })
  return sql(`${rec}.rid IN (`, joinFrags(parts, ' UNION ALL '), ')')
}

/** Which stored edge orientations a relation matches, seen from the current record. */
export function edgeSides(relation: RelationSpec): Array<'out' | 'in'> {
  return relation.direction === 'any' ? ['out', 'in'] : [relation.direction]
}

/** ` AND e.type IN (…)` when the relation names types, else nothing. */
export function typeFilter(e: string, relation: RelationSpec): Frag {
  if (!relation.types) return frag('')
  if (relation.types.length === 1) return frag(` AND ${e}.type = ?`, relation.types[0])
  const p = placeholders(relation.types)
  return { sql: ` AND ${e}.type IN (${p.sql})`, params: p.params }
}
