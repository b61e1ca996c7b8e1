import type Database from 'better-sqlite3'
import { AI_MIGRATION } from '../ai/ai-migration.js'

/**
 * The schema, as an append-only list of migrations; `PRAGMA user_version` records how many ran.
 * Layout (see src/engine/README.md):
 * - records: one row per record; `props` is the JSON object returned to clients, `proptypes` its types.
 * - vals: one row per property value (one per array element) so filters use indexes, not JSON;
 *   WITHOUT ROWID, keyed (rid, name, pos) (the `vals_by_rid` migration).
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
  `,
  // Change log read by the in-memory indexes (src/engine/index): which records (kind 0) and
  // whose edges (kind 1) changed, in commit order. Triggers fill it so no write path can forget,
  // and rolled-back writes leave no trace. AUTOINCREMENT keeps seq growing after pruning.
  `
  CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, rid INTEGER NOT NULL, kind INTEGER NOT NULL);
  CREATE TRIGGER records_changed_insert AFTER INSERT ON records BEGIN INSERT INTO changes (rid, kind) VALUES (new.rid, 0); END;
  CREATE TRIGGER records_changed_update AFTER UPDATE ON records BEGIN INSERT INTO changes (rid, kind) VALUES (new.rid, 0); END;
  CREATE TRIGGER records_changed_delete AFTER DELETE ON records BEGIN INSERT INTO changes (rid, kind) VALUES (old.rid, 0); END;
  CREATE TRIGGER rels_changed_insert AFTER INSERT ON rels BEGIN INSERT INTO changes (rid, kind) VALUES (new.src, 1), (new.dst, 1); END;
  CREATE TRIGGER rels_changed_delete AFTER DELETE ON rels BEGIN INSERT INTO changes (rid, kind) VALUES (old.src, 1), (old.dst, 1); END;
  `,
  // Write speed. `vals` becomes WITHOUT ROWID keyed (rid, name, pos): the key a record's values are
  // read and deleted by, so the separate (rid, name) index and the rowid b-tree go (one b-tree
  // less per value written). An edge change is one `changes` row naming both ends (`rid` = src,
  // `rid2` = dst) instead of two. Existing files are converted in place.
  `
  CREATE TABLE vals_by_rid (
    rid INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    pos INTEGER NOT NULL,
    v,
    ts REAL,
    PRIMARY KEY (rid, name, pos)
  ) WITHOUT ROWID;
  INSERT INTO vals_by_rid (rid, name, type, pos, v, ts) SELECT rid, name, type, pos, v, ts FROM vals ORDER BY rid, name, pos;
  DROP TABLE vals;
  ALTER TABLE vals_by_rid RENAME TO vals;
  CREATE INDEX vals_name_type_v ON vals(name, type, v, rid);
  CREATE INDEX vals_name_ts ON vals(name, ts, rid) WHERE ts IS NOT NULL;

  ALTER TABLE changes ADD COLUMN rid2 INTEGER;
  DROP TRIGGER rels_changed_insert;
  DROP TRIGGER rels_changed_delete;
  CREATE TRIGGER rels_changed_insert AFTER INSERT ON rels BEGIN INSERT INTO changes (rid, kind, rid2) VALUES (new.src, 1, new.dst); END;
  CREATE TRIGGER rels_changed_delete AFTER DELETE ON rels BEGIN INSERT INTO changes (rid, kind, rid2) VALUES (old.src, 1, old.dst); END;
  `,
  AI_MIGRATION,
  // Write speed: the change log loses AUTOINCREMENT (each logged row cost a read and a rewrite of
  // `sqlite_sequence`; plain rowids keep growing: pruning never deletes the newest row) and new
  // records are no longer logged one row each: readers take every rid above the highest they had
  // seen as new (record rids are the table's max + 1). A rid can come back only once the records
  // above it are gone, so a deletion logs, in `rid2`, the highest rid left after it: a reader
  // re-reads every rid above the lowest such value too. Together ~12 % of a bulk import.
  `
  DROP TRIGGER records_changed_insert;
  DROP TRIGGER records_changed_update;
  DROP TRIGGER records_changed_delete;
  DROP TRIGGER rels_changed_insert;
  DROP TRIGGER rels_changed_delete;
  CREATE TABLE changes_plain (seq INTEGER PRIMARY KEY, rid INTEGER NOT NULL, kind INTEGER NOT NULL, rid2 INTEGER);
  INSERT INTO changes_plain (seq, rid, kind, rid2) SELECT seq, rid, kind, rid2 FROM changes ORDER BY seq;
  DROP TABLE changes;
  ALTER TABLE changes_plain RENAME TO changes;
  DELETE FROM sqlite_sequence WHERE name = 'changes';
  CREATE TRIGGER records_changed_update AFTER UPDATE ON records BEGIN INSERT INTO changes (rid, kind) VALUES (new.rid, 0); END;
  CREATE TRIGGER records_changed_delete AFTER DELETE ON records BEGIN
    INSERT INTO changes (rid, kind, rid2) VALUES (old.rid, 0, (SELECT coalesce(max(rid), 0) FROM records));
  END;
  CREATE TRIGGER rels_changed_insert AFTER INSERT ON rels BEGIN INSERT INTO changes (rid, kind, rid2) VALUES (new.src, 1, new.dst); END;
  CREATE TRIGGER rels_changed_delete AFTER DELETE ON rels BEGIN INSERT INTO changes (rid, kind, rid2) VALUES (old.src, 1, old.dst); END;
  `
]

/** Rows of `changes` kept for readers in other processes; older rows are pruned by writers. */
export const KEEP_CHANGES = 200_000

/**
 * Drops change-log rows every reader has had ample time to replay (they rebuild if they fell
 * behind). It never deletes the newest row: `seq` is a plain rowid, numbered from the last row
 * (readers also notice a log emptied otherwise: index/change-feed.ts).
 */
export function pruneChanges(db: Database.Database): void {
  db.prepare('DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - ?').run(KEEP_CHANGES)
}

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
