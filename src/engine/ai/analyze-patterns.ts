import type Database from 'better-sqlite3'

/** A proposed join: records of `source` carrying `sourceKey` equal to the `targetKey` of one `target` record. */
export interface PatternProposal {
  sourceLabel: string
  sourceKey: string
  targetLabel: string
  targetKey: string
  /** 0..1: share of source records that would link × how well the names agree × how unique the target key is. */
  confidence: number
  rationale: string
  sourceRecords: number
  matchedRecords: number
  share: number
  samples: Array<{ sourceId: string; targetId: string; value: string | number }>
}

interface KeyStats {
  label: string
  name: string
  type: string
  records: number
  distinct: number
  maxLength: number
}

/** Source records looked at per candidate before an exact count; a key with no match among them is dropped. */
const SAMPLE = 2000
/** Proposals kept per source label, best first. */
const MAX_PER_LABEL = 10
const SAMPLES_SHOWN = 5

/**
 * Deterministic key matching (no LLM): for each source label (or the one asked for), every short
 * string or number property is compared with every near-unique property of the other labels
 * (≥ 95% distinct values, the shape of a natural key such as customerId or email). A pair is
 * proposed when values match, with the share of source records that would link, sample pairs
 * and a confidence.
 */
export function analyzePatterns(db: Database.Database, onlyLabel?: string): PatternProposal[] {
  const counts = new Map((db.prepare('SELECT label, COUNT(*) AS n FROM records WHERE label IS NOT NULL GROUP BY label').all() as Array<{ label: string; n: number }>).map((r) => [r.label, r.n]))
  const keys = db
    .prepare(
      `SELECT r.label AS label, v.name AS name, v.type AS type, COUNT(DISTINCT v.rid) AS records, COUNT(DISTINCT v.v) AS "distinct",
              MAX(length(v.v)) AS maxLength
       FROM vals v JOIN records r ON r.rid = v.rid
       WHERE r.label IS NOT NULL AND v.type IN ('string', 'number') AND v.pos >= 0 AND v.v IS NOT NULL
       GROUP BY r.label, v.name, v.type`
    )
    .all() as KeyStats[]
  const usable = keys.filter((k) => k.maxLength <= 100)
  const targets = usable.filter((k) => k.records >= 1 && k.distinct >= 0.95 * k.records)
  const sources = usable.filter((k) => onlyLabel === undefined || k.label === onlyLabel)
  const sampleMatch = db.prepare(
    `SELECT COUNT(*) AS n FROM (SELECT v.v AS v FROM vals v JOIN records r ON r.rid = v.rid AND r.label = @sl
       WHERE v.name = @sk AND v.type = @type AND v.pos >= 0 AND v.v IS NOT NULL ORDER BY v.rid DESC LIMIT ${SAMPLE}) s
     WHERE EXISTS (SELECT 1 FROM vals t JOIN records rt ON rt.rid = t.rid AND rt.label = @tl WHERE t.name = @tk AND t.type = @type AND t.v = s.v)`
  )
  const proposals: PatternProposal[] = []
  for (const source of sources) {
    const own: PatternProposal[] = []
    for (const target of targets) {
      if (target.label === source.label || target.type !== source.type) continue
      const params = { sl: source.label, sk: source.name, tl: target.label, tk: target.name, type: source.type }
      if ((sampleMatch.get(params) as { n: number }).n === 0) continue
      own.push(measure(db, source, target, counts.get(source.label) ?? source.records, params))
    }
    own.sort((a, b) => b.confidence - a.confidence || a.targetLabel.localeCompare(b.targetLabel) || a.targetKey.localeCompare(b.targetKey))
    proposals.push(...own.slice(0, MAX_PER_LABEL))
  }
  return proposals.sort((a, b) => a.sourceLabel.localeCompare(b.sourceLabel) || b.confidence - a.confidence)
}

function measure(db: Database.Database, source: KeyStats, target: KeyStats, sourceRecords: number, params: Record<string, string>): PatternProposal {
  const matchedRecords = (
    db
      .prepare(
        `SELECT COUNT(DISTINCT v.rid) AS n FROM vals v JOIN records r ON r.rid = v.rid AND r.label = @sl
         WHERE v.name = @sk AND v.type = @type AND v.pos >= 0 AND v.v IS NOT NULL
           AND EXISTS (SELECT 1 FROM vals t JOIN records rt ON rt.rid = t.rid AND rt.label = @tl WHERE t.name = @tk AND t.type = @type AND t.v = v.v)`
      )
      .get(params) as { n: number }
  ).n
  const samples = db
    .prepare(
      `SELECT r.id AS sourceId, rt.id AS targetId, v.v AS value FROM vals v JOIN records r ON r.rid = v.rid AND r.label = @sl
       JOIN vals t ON t.name = @tk AND t.type = @type AND t.v = v.v JOIN records rt ON rt.rid = t.rid AND rt.label = @tl
       WHERE v.name = @sk AND v.type = @type AND v.pos >= 0 AND v.v IS NOT NULL ORDER BY v.rid, t.rid LIMIT ${SAMPLES_SHOWN}`
    )
    .all(params) as PatternProposal['samples']
  const share = sourceRecords === 0 ? 0 : matchedRecords / sourceRecords
  const names = nameAgreement(source.name, target.label, target.name)
  const uniqueness = target.distinct / target.records
  // Small numbers coincide by chance far more often than identifiers do.
  const typeFactor = source.type === 'number' ? 0.6 : 1
  const confidence = Math.round(share * names.score * uniqueness * typeFactor * 1000) / 1000
  const rationale =
    `${matchedRecords} of ${sourceRecords} ${source.label} records (${(share * 100).toFixed(1)}%) have a ${source.name} equal to the ${target.name} of a ${target.label} record; ` +
    `${names.why}; ${target.label}.${target.name} is ${(uniqueness * 100).toFixed(1)}% unique` +
    (source.type === 'number' ? '; numeric values, which can coincide by chance' : '')
  return { sourceLabel: source.label, sourceKey: source.name, targetLabel: target.label, targetKey: target.name, confidence, rationale, sourceRecords, matchedRecords, share: Math.round(share * 10000) / 10000, samples }
}

/** How strongly the property names say "this is that label's key". */
function nameAgreement(sourceKey: string, targetLabel: string, targetKey: string): { score: number; why: string } {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const s = norm(sourceKey)
  const t = norm(targetKey)
  const label = norm(targetLabel)
  if (s === t) return { score: 1, why: 'same property name' }
  if (s === label + t || s === label + 'id' || s.endsWith(t) || t.endsWith(s)) return { score: 0.85, why: `the names agree (${sourceKey} ~ ${targetLabel}.${targetKey})` }
  return { score: 0.4, why: 'the property names differ' }
}
