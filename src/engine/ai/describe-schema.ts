import type Database from 'better-sqlite3'

/** One property of a label, as RushDB's `POST /ai/schema` describes it (§9.1). */
export interface SchemaProperty {
  name: string
  type: string
  isArray?: boolean
  min?: string | number
  max?: string | number
  /** Up to 10 distinct sample values from the label's first 100 records. */
  values?: Array<string | number | boolean>
  /** Distinct values over the whole label (drives the "(+n more)" of the markdown). */
  distinct: number
  recordsCount: number
  vectorIndexes?: Array<{ sourceType: 'managed'; similarityFunction: string; dimensions: number; status: string }>
}

/** One relationship pattern seen from a label. */
export interface SchemaRelationship {
  label: string
  type: string
  direction: 'in' | 'out'
  count: number
}

/** A label of the live graph with its properties and relationship patterns. */
export interface SchemaItem {
  label: string
  count: number
  properties: SchemaProperty[]
  relationships: SchemaRelationship[]
}

const SAMPLE_RECORDS = 100
const SAMPLE_VALUES = 10

interface PropertyRow {
  label: string
  name: string
  type: string
  records: number
  distinct: number
  maxPos: number
  minV: string | number | null
  maxV: string | number | null
}

/**
 * Describes the live graph: labels with counts, their properties (type, range or samples, vector
 * indexes) and relationship patterns with counts, in a handful of grouped statements.
 */
export function describeSchema(db: Database.Database, labels?: string[]): SchemaItem[] {
  const wanted = labels && labels.length > 0 ? new Set(labels) : undefined
  const counts = db.prepare('SELECT label, COUNT(*) AS n FROM records WHERE label IS NOT NULL GROUP BY label ORDER BY label').all() as Array<{ label: string; n: number }>
  const items = new Map<string, SchemaItem>()
  for (const { label, n } of counts) if (!wanted || wanted.has(label)) items.set(label, { label, count: n, properties: [], relationships: [] })
  if (items.size === 0) return []
  const rows = db
    .prepare(
      `SELECT r.label AS label, v.name AS name, v.type AS type, COUNT(DISTINCT v.rid) AS records, COUNT(DISTINCT v.v) AS "distinct",
              MAX(v.pos) AS maxPos, MIN(v.v) AS minV, MAX(v.v) AS maxV
       FROM vals v JOIN records r ON r.rid = v.rid WHERE r.label IS NOT NULL GROUP BY r.label, v.name, v.type ORDER BY r.label, v.name`
    )
    .all() as PropertyRow[]
  const samples = db.prepare(
    `SELECT DISTINCT v.v AS v FROM vals v WHERE v.name = ? AND v.type = ? AND v.v IS NOT NULL
       AND v.rid IN (SELECT rid FROM records WHERE label = ? ORDER BY rid LIMIT ${SAMPLE_RECORDS}) LIMIT ${SAMPLE_VALUES}`
  )
  const indexes = db.prepare('SELECT label, property, similarity, dimensions, status FROM ai_indexes').all() as Array<{ label: string; property: string; similarity: string; dimensions: number; status: string }>
  for (const row of rows) {
    const item = items.get(row.label)
    if (!item) continue
    item.properties.push(describeProperty(row, samples, indexes))
  }
  const rels = db
    .prepare(
      `SELECT s.label AS src, e.type AS type, d.label AS dst, COUNT(*) AS n
       FROM rels e JOIN records s ON s.rid = e.src JOIN records d ON d.rid = e.dst
       WHERE s.label IS NOT NULL AND d.label IS NOT NULL GROUP BY s.label, e.type, d.label ORDER BY s.label, e.type, d.label`
    )
    .all() as Array<{ src: string; type: string; dst: string; n: number }>
  for (const rel of rels) {
    items.get(rel.src)?.relationships.push({ label: rel.dst, type: rel.type, direction: 'out', count: rel.n })
    items.get(rel.dst)?.relationships.push({ label: rel.src, type: rel.type, direction: 'in', count: rel.n })
  }
  return [...items.values()]
}

function describeProperty(
  row: PropertyRow,
  samples: Database.Statement,
  indexes: Array<{ label: string; property: string; similarity: string; dimensions: number; status: string }>
): SchemaProperty {
  const property: SchemaProperty = { name: row.name, type: row.type, recordsCount: row.records, distinct: row.distinct }
  if (row.maxPos > 0) property.isArray = true
  if (row.type === 'number' || row.type === 'datetime') {
    if (row.minV !== null) property.min = row.minV
    if (row.maxV !== null) property.max = row.maxV
  } else if (row.type !== 'null') {
    const values = (samples.raw().all(row.name, row.type, row.label) as Array<[string | number]>).map(([v]) => (row.type === 'boolean' ? v === 1 : v))
    if (values.length > 0) property.values = values
  }
  const own = indexes.filter((i) => i.label === row.label && i.property === row.name && row.type === 'string')
  if (own.length > 0) property.vectorIndexes = own.map((i) => ({ sourceType: 'managed', similarityFunction: i.similarity, dimensions: i.dimensions, status: i.status }))
  return property
}
