import type { RushDB } from '@rushdb/javascript-sdk'

/** Every record (with its properties) and every relationship, read through the SDK, sorted. */
export interface GraphSnapshot {
  records: string[]
  relationships: string[]
}

/** Reads the whole (small) graph through the SDK, so a test can prove a rejected write changed nothing. */
export async function snapshotGraph(db: RushDB): Promise<GraphSnapshot> {
  const records: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await db.records.find({ limit: 1000, skip })
    for (const r of page.data) records.push(JSON.stringify(r.data))
    if (page.data.length < 1000) break
  }
  const relationships: string[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = await db.relationships.find({ limit: 1000, skip })
    for (const r of page.data) relationships.push(`${r.sourceId} -[${r.type}]-> ${r.targetId}`)
    if (page.data.length < 1000) break
  }
  return { records: records.sort(), relationships: relationships.sort() }
}

/** Record and relationship counts. */
export async function countGraph(db: RushDB): Promise<{ records: number; relationships: number }> {
  const s = await snapshotGraph(db)
  return { records: s.records.length, relationships: s.relationships.length }
}

/** Relationships as `LABEL -[TYPE]-> LABEL` lines with their counts, for asserting edge shapes. */
export async function edgeShapes(db: RushDB): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (let skip = 0; ; skip += 1000) {
    const page = await db.relationships.find({ limit: 1000, skip })
    for (const r of page.data) {
      const key = `${r.sourceLabel} -[${r.type}]-> ${r.targetLabel}`
      out[key] = (out[key] ?? 0) + 1
    }
    if (page.data.length < 1000) break
  }
  return out
}
