import type Database from 'better-sqlite3'

/**
 * The schema, as an append-only list of migrations; `PRAGMA user_version` records how many ran.
 * Layout (see src/engine/README.md):
 * - records: one row per record; `props` is the JSON object returned to clients, `proptypes` its types.
 * - vals: one row per property value (one per array element) so filters use indexes, not JSON.
 * - rels: typed, directed relationships between records.
 * Property nodes are not stored: they are the distinct (name, type) pairs of `vals`, with ids
 * derived from the pair (see property-id.ts), so they can never go stale or orphaned.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE records (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    label TEXT,
    props TEXT NOT NULL,
    proptypes TEXT NOT NULL
  );
  CREATE INDEX records_label ON records(label, rid);

  CREATE TABLE vals (
    rid INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    pos INTEGER NOT NULL,
    v,
    ts REAL
  );
  CREATE INDEX vals_name_type_v ON vals(name, type, v, rid);
  CREATE INDEX vals_name_ts ON vals(name, ts, rid) WHERE ts IS NOT NULL;
  CREATE INDEX vals_rid ON vals(rid, name);

  CREATE TABLE rels (
    src INTEGER NOT NULL,
    dst INTEGER NOT NULL,
    type TEXT NOT NULL,
    PRIMARY KEY (src, type, dst)
  ) WITHOUT ROWID;
  CREATE INDEX rels_dst ON rels(dst, type, src);
  `
]

/** Runs the migrations `db` has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number
  for (let i = current; i < MIGRATIONS.length; i++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[i])
      db.pragma(`user_version = ${i + 1}`)
    })()
  }
  return MIGRATIONS.length
}
