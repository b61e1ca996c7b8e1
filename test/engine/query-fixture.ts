import type Database from 'better-sqlite3'
import { openDatabase } from '../../src/engine/storage/open-database.js'
import { RecordStore } from '../../src/engine/storage/record-store.js'
import type { PropertyType } from '../../src/engine/types.js'

/** A tiny graph builder over an in-memory engine database for query tests. */
export function graph() {
  const db: Database.Database = openDatabase({ path: ':memory:' })
  const store = new RecordStore(db)
  const ids = new Map<string, { rid: number; id: string }>()
  const add = (key: string, label: string, props: Record<string, unknown>, types: Record<string, PropertyType> = {}) => {
    const proptypes: Record<string, PropertyType> = {}
    for (const [k, v] of Object.entries(props)) {
      const first = Array.isArray(v) ? v[0] : v
      proptypes[k] = types[k] ?? (first === null ? 'null' : typeof first === 'number' ? 'number' : typeof first === 'boolean' ? 'boolean' : 'string')
    }
    const rec = store.insert({ label, props, proptypes })
    ids.set(key, rec)
    return rec
  }
  const link = (a: string, b: string, type = '__RUSHDB__RELATION__DEFAULT__') => store.link(ids.get(a)!.rid, ids.get(b)!.rid, type)
  const id = (key: string) => ids.get(key)!.id
  const rid = (key: string) => ids.get(key)!.rid
  const keyOf = (uuid: string) => [...ids.entries()].find(([, v]) => v.id === uuid)?.[0]
  return { db, store, add, link, id, rid, keyOf }
}
