/**
 * Tables of the engine's AI extensions (appended to the migrations list):
 * - ai_indexes: managed embedding indexes on a label's text property;
 * - ai_vectors: one float32 vector per (index, record), with a digest of the text it was computed
 *   from (`ai_text_digest`), so a record whose text changed is seen as pending by comparing
 *   digests in a covering index, never the long texts or the vector pages;
 * - ai_patterns: suggested relationships (drafts) and the decision taken on each.
 */
export const AI_MIGRATION = `
  CREATE TABLE ai_indexes (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    property TEXT NOT NULL,
    model_key TEXT NOT NULL,
    dimensions INTEGER NOT NULL,
    similarity TEXT NOT NULL,
    status TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (label, property, model_key)
  );
  CREATE TABLE ai_vectors (
    id INTEGER PRIMARY KEY,
    index_id TEXT NOT NULL,
    rid INTEGER NOT NULL,
    digest INTEGER NOT NULL,
    vector BLOB NOT NULL
  );
  CREATE UNIQUE INDEX ai_vectors_key ON ai_vectors(index_id, rid, digest);
  CREATE TABLE ai_patterns (
    id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    source_label TEXT NOT NULL,
    source_key TEXT NOT NULL,
    target_label TEXT NOT NULL,
    target_key TEXT NOT NULL,
    type TEXT NOT NULL,
    direction TEXT NOT NULL,
    confidence REAL NOT NULL,
    details TEXT NOT NULL,
    applied_count INTEGER,
    decided_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (source_label, source_key, target_label, target_key)
  );
`
