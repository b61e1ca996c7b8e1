import type Database from 'better-sqlite3'
import { CompileContext, type CompileStrategy, type RelatedStep } from './compile-context.js'
import { edgeSides, typeFilter } from './compile-related.js'
import { compileWhereObject } from './compile-where.js'
import { frag, joinFrags, sql } from './sql-fragment.js'
import { prepareCached } from './statement-cache.js'

const NEIGHBOUR_STRATEGY: CompileStrategy = { related: 'exists', property: 'exists' }

/**
 * For every parent rid, the distinct neighbours over one hop of `step` (label, relation, criteria),
 * in one statement for all parents. Returns parent → neighbour rids (ascending).
 */
export function relatedNodes(db: Database.Database, parents: number[], step: RelatedStep): Map<number, number[]> {
  const out = new Map<number, number[]>()
  if (parents.length === 0) return out
  // The neighbours of a page of parents are few: probing each one's values (correlated EXISTS on
  // the vals key) beats materialising every match of the label, which the `in` strategy would do.
  const ctx = new CompileContext(NEIGHBOUR_STRATEGY)
  const c = ctx.alias('c')
  const conds = compileWhereObject(step.where, c, ctx, 'where')
  const parentsJson = JSON.stringify(parents)
  // CROSS JOIN pins the order: the parents' edges first, each neighbour by its rid. Without
  // statistics SQLite otherwise walks every record of the label and probes its edges.
  const parts = edgeSides(step.relation).map((side) => {
    const e = ctx.alias('e')
    const [near, far] = side === 'out' ? ['src', 'dst'] : ['dst', 'src']
    return sql(
      `SELECT ${e}.${near} AS p, ${c}.rid AS c FROM rels ${e} CROSS JOIN records ${c} ON ${c}.rid = ${e}.${far} WHERE ${e}.${near} IN (SELECT value FROM json_each(?))`,
      frag('', parentsJson), typeFilter(e, step.relation), frag(` AND ${c}.label = ?`, step.label),
      conds.sql === '1' ? '' : sql(' AND ', conds)
    )
  })
  const query = sql(joinFrags(parts, ' UNION '), ' ORDER BY 1, 2')
  for (const row of prepareCached(db, query.sql).raw().all(...query.params) as Array<[number, number]>) {
    const list = out.get(row[0])
    if (list) list.push(row[1])
    else out.set(row[0], [row[1]])
  }
  return out
}

/** Follows a chain of steps from each start rid; returns start → distinct rids at the chain's end. */
export function followChain(db: Database.Database, starts: number[], steps: RelatedStep[]): Map<number, number[]> {
  let current = new Map<number, number[]>(starts.map((s) => [s, [s]]))
  for (const step of steps) {
    const frontier = [...new Set([...current.values()].flat())]
    const hop = relatedNodes(db, frontier, step)
    const next = new Map<number, number[]>()
    for (const [start, nodes] of current) {
      const reached = new Set<number>()
      for (const n of nodes) for (const m of hop.get(n) ?? []) reached.add(m)
      next.set(start, [...reached])
    }
    current = next
  }
  return current
}
