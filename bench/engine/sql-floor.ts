import Database from 'better-sqlite3'

/** A record as the floor queries return it: the same fields the SDK hands back. */
export interface FloorRecord {
  __id: string
  __label: string | null
  __proptypes: Record<string, string>
  [property: string]: unknown
}

/** Hand-written SQL answers to the benchmark questions, on the engine's own tables (src/engine/README.md). */
export interface SqlFloor {
  churn(): { data: FloorRecord[]; total: number }
  findById(id: string): FloorRecord | undefined
  related(id: string, label: string): { data: FloorRecord[]; total: number }
  close(): void
}

interface Row { id: string; label: string | null; props: string; proptypes: string; total?: number }

function hydrate(row: Row): FloorRecord {
  return { __id: row.id, __label: row.label, __proptypes: JSON.parse(row.proptypes), ...JSON.parse(row.props) }
}

/**
 * The churn question's matching customers as a `matches` CTE (rid column), parameterised by
 * @sentiment, @ticketStatus, @plan and @subStatus; both floors page it their own way.
 */
// Starts from the most selective side (open + negative tickets via the (name, type, v, rid) index),
// walks to neighbouring customers in either direction, then checks plan and an active subscription
// (CROSS JOIN pins the join order: from the customer's edges outwards, never from every active subscription).
export const CHURN_MATCHES_CTE = `
WITH tickets AS (
  SELECT s.rid FROM vals s
  JOIN vals n ON n.rid = s.rid AND n.name = 'sentiment' AND n.type = 'string' AND n.v = @sentiment
  JOIN records t ON t.rid = s.rid AND t.label = 'SUPPORT_TICKET'
  WHERE s.name = 'status' AND s.type = 'string' AND s.v = @ticketStatus
),
candidates AS (
  SELECT e.src AS rid FROM tickets JOIN rels e ON e.dst = tickets.rid
  UNION
  SELECT e.dst FROM tickets JOIN rels e ON e.src = tickets.rid
),
matches AS (
  SELECT c.rid FROM candidates c
  JOIN records r ON r.rid = c.rid AND r.label = 'CUSTOMER'
  WHERE EXISTS (SELECT 1 FROM vals p WHERE p.rid = c.rid AND p.name = 'plan' AND p.type = 'string' AND p.v = @plan)
    AND (
      EXISTS (
        SELECT 1 FROM rels e CROSS JOIN records s CROSS JOIN vals st
        WHERE e.src = c.rid AND s.rid = e.dst AND s.label = 'SUBSCRIPTION'
          AND st.rid = s.rid AND st.name = 'status' AND st.type = 'string' AND st.v = @subStatus)
      OR EXISTS (
        SELECT 1 FROM rels e CROSS JOIN records s CROSS JOIN vals st
        WHERE e.dst = c.rid AND s.rid = e.src AND s.label = 'SUBSCRIPTION'
          AND st.rid = s.rid AND st.name = 'status' AND st.type = 'string' AND st.v = @subStatus)
    )
)`

/** The churn question's parameters: pro customers, an active subscription, an open negative ticket. */
export const CHURN_PARAMS = { sentiment: 'negative', ticketStatus: 'open', plan: 'pro', subStatus: 'active' }

const CHURN_SQL = `${CHURN_MATCHES_CTE}
SELECT r.id, r.label, r.props, r.proptypes, count(*) OVER () AS total
FROM matches m
JOIN records r ON r.rid = m.rid
LEFT JOIN vals k ON k.rid = m.rid AND k.name = 'customerId' AND k.pos = 0
ORDER BY k.v ASC
LIMIT 50`

const BY_ID_SQL = 'SELECT id, label, props, proptypes FROM records WHERE id = ?'

const RELATED_SQL = `
WITH root AS (SELECT rid FROM records WHERE id = @id),
neighbours AS (
  SELECT e.dst AS rid FROM rels e, root WHERE e.src = root.rid
  UNION
  SELECT e.src FROM rels e, root WHERE e.dst = root.rid
)
SELECT r.id, r.label, r.props, r.proptypes, count(*) OVER () AS total
FROM neighbours n JOIN records r ON r.rid = n.rid AND r.label = @label
ORDER BY r.id DESC
LIMIT 100`

/** Opens a read-only connection on the benchmark file and prepares the floor queries. */
export function openSqlFloor(path: string): SqlFloor {
  const db = new Database(path, { readonly: true })
  db.pragma('cache_size = -65536')
  const churn = db.prepare<[Record<string, string>], Row>(CHURN_SQL)
  const byId = db.prepare<[string], Row>(BY_ID_SQL)
  const related = db.prepare<[Record<string, string>], Row>(RELATED_SQL)
  return {
    churn() {
      const rows = churn.all(CHURN_PARAMS)
      return { data: rows.map(hydrate), total: rows[0]?.total ?? 0 }
    },
    findById(id) {
      const row = byId.get(id)
      return row ? hydrate(row) : undefined
    },
    related(id, label) {
      const rows = related.all({ id, label })
      return { data: rows.map(hydrate), total: rows[0]?.total ?? 0 }
    },
    close: () => db.close()
  }
}

/** Ids of `count` customers spread over the file that have at least one SUPPORT_TICKET neighbour. */
export function sampleCustomerIds(path: string, count: number): string[] {
  const db = new Database(path, { readonly: true })
  try {
    const total = (db.prepare("SELECT count(*) AS n FROM records WHERE label = 'CUSTOMER'").get() as { n: number }).n
    const step = Math.max(1, Math.floor(total / (count * 2)))
    const rows = db.prepare(`
      SELECT r.id FROM records r
      WHERE r.label = 'CUSTOMER' AND r.rid % @step = 0
        AND EXISTS (SELECT 1 FROM rels e JOIN records t ON t.rid = e.dst AND t.label = 'SUPPORT_TICKET' WHERE e.src = r.rid)
      ORDER BY r.rid LIMIT @count`).all({ step, count }) as Array<{ id: string }>
    return rows.map((r) => r.id)
  } finally {
    db.close()
  }
}

/** Record and relationship counts of the file. */
export function countGraph(path: string): { records: number; relationships: number } {
  const db = new Database(path, { readonly: true })
  try {
    const records = (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n
    const relationships = (db.prepare('SELECT count(*) AS n FROM rels').get() as { n: number }).n
    return { records, relationships }
  } finally {
    db.close()
  }
}
