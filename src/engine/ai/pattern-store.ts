import type Database from 'better-sqlite3'
import { EngineError, notFound } from '../errors.js'
import { newId } from '../ids.js'
import { DEFAULT_RELATION_TYPE } from '../types.js'
import type { PatternProposal } from './analyze-patterns.js'

/** A draft's life: proposed, approved (relationships created), or rejected (`ignored`, RushDB's word). */
export type PatternStatus = 'suggested' | 'approved' | 'ignored'

interface PatternRow {
  id: string
  status: PatternStatus
  source_label: string
  source_key: string
  target_label: string
  target_key: string
  type: string
  direction: 'in' | 'out'
  confidence: number
  details: string
  applied_count: number | null
  decided_at: string | null
  created_at: string
  updated_at: string
}

/** A pattern as the API returns it: RushDB's RelationshipPatternDto fields plus the analysis figures. */
export interface PatternOut {
  id: string
  status: PatternStatus
  origin: 'key-match'
  mode: 'join_pattern'
  source: { label: string; key: string }
  target: { label: string; key: string }
  /** Seen from the source: `in` = (target)-[type]->(source), the way nested imports point. */
  direction: 'in' | 'out'
  type: string
  confidence: number
  rationale: string
  sampleMatchCount: number
  sourceRecords: number
  share: number
  samples: PatternProposal['samples']
  /** Relationships the last approval created (0 when they all existed). */
  appliedCount: number | null
  decidedAt: string | null
  lastAnalyzedAt: string
  createdAt: string
  updatedAt: string
}

/** SQL over `ai_patterns`; callers own transactions and locking. */
export class PatternStore {
  constructor(private readonly db: Database.Database) {}

  /** Every draft and decision, by source label then confidence. */
  list(): PatternOut[] {
    const rows = this.db.prepare('SELECT * FROM ai_patterns ORDER BY source_label, confidence DESC, target_label, target_key').all() as PatternRow[]
    return rows.map(toOut)
  }

  /** One pattern, or a 404. */
  get(id: string): PatternOut {
    const row = this.db.prepare('SELECT * FROM ai_patterns WHERE id = ?').get(id) as PatternRow | undefined
    if (!row) throw notFound(`Relationship pattern ${id} not found`)
    return toOut(row)
  }

  /**
   * Stores an analysis: new proposals become `suggested` drafts, drafts still suggested get the
   * new figures, decided ones (approved, ignored) keep their decision and only their figures
   * change; suggested drafts of the analysed labels that no longer match are removed.
   */
  saveAnalysis(proposals: PatternProposal[], labels: string[] | undefined): void {
    const now = new Date().toISOString()
    const upsert = this.db.prepare(
      `INSERT INTO ai_patterns (id, status, source_label, source_key, target_label, target_key, type, direction, confidence, details, created_at, updated_at)
       VALUES (@id, 'suggested', @sourceLabel, @sourceKey, @targetLabel, @targetKey, @type, 'in', @confidence, @details, @now, @now)
       ON CONFLICT (source_label, source_key, target_label, target_key) DO UPDATE SET confidence = excluded.confidence, details = excluded.details, updated_at = excluded.updated_at`
    )
    const kept = new Set<string>()
    for (const p of proposals) {
      const { sourceLabel, sourceKey, targetLabel, targetKey, confidence, ...figures } = p
      upsert.run({ id: newId(), sourceLabel, sourceKey, targetLabel, targetKey, confidence, type: DEFAULT_RELATION_TYPE, details: JSON.stringify({ ...figures, analyzedAt: now }), now })
      kept.add(JSON.stringify([sourceLabel, sourceKey, targetLabel, targetKey]))
    }
    const stale = this.db.prepare("SELECT * FROM ai_patterns WHERE status = 'suggested'").all() as PatternRow[]
    const drop = this.db.prepare('DELETE FROM ai_patterns WHERE id = ?')
    for (const row of stale) {
      if (labels && !labels.includes(row.source_label)) continue
      if (!kept.has(JSON.stringify([row.source_label, row.source_key, row.target_label, row.target_key]))) drop.run(row.id)
    }
  }

  /** Records a decision; approving sets the relationship type used and the count created. */
  decide(id: string, status: 'approved' | 'ignored', applied?: { type: string; count: number }): void {
    const now = new Date().toISOString()
    if (applied) {
      this.db.prepare('UPDATE ai_patterns SET status = ?, type = ?, applied_count = ?, decided_at = ?, updated_at = ? WHERE id = ?').run(status, applied.type, applied.count, now, now, id)
    } else {
      this.db.prepare('UPDATE ai_patterns SET status = ?, decided_at = ?, updated_at = ? WHERE id = ?').run(status, now, now, id)
    }
  }

  /** 409 unless `id` may be rejected: approved patterns already created relationships. */
  checkRejectable(id: string): void {
    const p = this.get(id)
    if (p.status === 'approved') throw new EngineError(409, `Relationship pattern ${id} was approved on ${p.decidedAt}: its relationships exist; delete them to undo`)
  }
}

function toOut(row: PatternRow): PatternOut {
  const d = JSON.parse(row.details) as Omit<PatternProposal, 'sourceLabel' | 'sourceKey' | 'targetLabel' | 'targetKey' | 'confidence'> & { analyzedAt: string }
  return {
    id: row.id,
    status: row.status,
    origin: 'key-match',
    mode: 'join_pattern',
    source: { label: row.source_label, key: row.source_key },
    target: { label: row.target_label, key: row.target_key },
    direction: row.direction,
    type: row.type,
    confidence: row.confidence,
    rationale: d.rationale,
    sampleMatchCount: d.matchedRecords,
    sourceRecords: d.sourceRecords,
    share: d.share,
    samples: d.samples,
    appliedCount: row.applied_count,
    decidedAt: row.decided_at,
    lastAnalyzedAt: d.analyzedAt,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}
