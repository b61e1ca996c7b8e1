import type Database from 'better-sqlite3'
import { prepareCached } from '../query/statement-cache.js'
import { frag, sql, type Frag } from '../query/sql-fragment.js'
import type { Direction } from './relationship-body.js'

/** One side of a join: every record of a label, or the given records (a where already applied). */
export interface JoinSide {
  label: string
  /** Rids of the side's matches; absent: every record of `label`. */
  rids?: readonly number[]
}

/** Which records are linked: by equal key values, or every source with every target. */
export type JoinPairs =
  | { mode: 'key'; source: JoinSide & { key: string }; target: JoinSide & { key: string } }
  | { mode: 'cartesian'; source: Required<JoinSide>; target: Required<JoinSide> }

/** Whether `column` is a record of the side's label: probed per candidate, not materialised per statement. */
function ofLabel(column: string, side: JoinSide): Frag {
  return frag(`EXISTS (SELECT 1 FROM records m WHERE m.rid = ${column} AND m.label = ?)`, side.label)
}

const KEY_VALUES = `d.type IN ('string', 'number') AND d.pos >= 0 AND d.v IS NOT NULL`

/** The key values of listed records, read by the vals primary key: (rid, type, v) rows. */
function listedKeys(side: Required<JoinSide> & { key: string }): Frag {
  return frag(`SELECT d.rid, d.type, d.v FROM json_each(?) j CROSS JOIN vals d ON d.rid = j.value AND d.name = ? AND ${KEY_VALUES}`, JSON.stringify(side.rids), side.key)
}

/**
 * `SELECT src, dst` of the pairs, `src` being the source record. Values match when type and value
 * are equal (strings and numbers, any array element), as RushDB's `source.key = target.key`.
 * Both sides listed (wheres applied): each side's key values are read by primary key and the two
 * small sets joined, so the cost is the lists' length whatever the labels hold. One side listed:
 * it drives and finds the other side's records through the (name, type, v) index. Neither: the
 * source label drives. CROSS JOIN fixes those orders.
 */
function pairsSql(pairs: JoinPairs): Frag {
  if (pairs.mode === 'cartesian') {
    return frag('SELECT s.value AS src, t.value AS dst FROM json_each(?) s CROSS JOIN json_each(?) t', JSON.stringify(pairs.source.rids), JSON.stringify(pairs.target.rids))
  }
  const { source, target } = pairs
  if (source.rids && target.rids) {
    return sql(
      'WITH s AS MATERIALIZED (',
      listedKeys(source as Required<JoinSide> & { key: string }),
      '), t AS MATERIALIZED (',
      listedKeys(target as Required<JoinSide> & { key: string }),
      ') SELECT DISTINCT s.rid AS src, t.rid AS dst FROM s JOIN t ON t.type = s.type AND t.v = s.v'
    )
  }
  const fromTarget = target.rids !== undefined
  const [driver, other] = fromTarget ? [target, source] : [source, target]
  const [src, dst] = fromTarget ? ['o.rid', 'd.rid'] : ['d.rid', 'o.rid']
  const driving = driver.rids ? frag('(SELECT value AS rid FROM json_each(?)) j', JSON.stringify(driver.rids)) : frag('(SELECT rid FROM records WHERE label = ?) j', driver.label)
  return sql(
    `SELECT DISTINCT ${src} AS src, ${dst} AS dst FROM `,
    driving,
    ' CROSS JOIN vals d ON ',
    frag(`d.rid = j.rid AND d.name = ? AND ${KEY_VALUES}`, driver.key),
    ' CROSS JOIN vals o ON ',
    frag('o.name = ? AND o.type = d.type AND o.v = d.v', other.key),
    ' WHERE ',
    ofLabel('o.rid', other)
  )
}

/**
 * Creates `type` edges for every pair, `out` (source)->(target) or `in` the reverse, in one
 * INSERT … SELECT. An edge already there is kept (the table's key ignores the repeat);
 * `skipReversed` also leaves pairs already linked the other way round alone. Returns edges created.
 */
export function linkPairs(db: Database.Database, pairs: JoinPairs, type: string, direction: Direction, skipReversed = false): number {
  const [from, to] = direction === 'in' ? ['p.dst', 'p.src'] : ['p.src', 'p.dst']
  const statement = sql(
    `INSERT OR IGNORE INTO rels (src, dst, type) SELECT ${from}, ${to}, `,
    frag('?', type),
    ' FROM (',
    pairsSql(pairs),
    ') p',
    skipReversed ? frag(` WHERE NOT EXISTS (SELECT 1 FROM rels e WHERE e.src = ${to} AND e.dst = ${from} AND e.type = ?)`, type) : ''
  )
  return prepareCached(db, statement.sql).run(...statement.params).changes
}

/**
 * Removes the edges between every pair: of `type` (every type when undefined), leaving the source
 * (`out`), entering it (`in`) or both (undefined). Returns how many were removed.
 */
export function unlinkPairs(db: Database.Database, pairs: JoinPairs, type: string | undefined, direction: Direction | undefined): number {
  const pairSql = pairsSql(pairs)
  const ways: Frag[] = []
  if (direction !== 'in') ways.push(sql('(src, dst) IN (SELECT p.src, p.dst FROM (', pairSql, ') p)'))
  if (direction !== 'out') ways.push(sql('(src, dst) IN (SELECT p.dst, p.src FROM (', pairSql, ') p)'))
  const statement = sql(
    'DELETE FROM rels WHERE (',
    ways.length === 1 ? ways[0] : sql(ways[0], ' OR ', ways[1]),
    ')',
    type === undefined ? '' : frag(' AND type = ?', type)
  )
  return prepareCached(db, statement.sql).run(...statement.params).changes
}
