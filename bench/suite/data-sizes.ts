import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { benchDbName, ensureBenchDatabase } from '../engine/build-bench-db.js'

/** Where the benchmark engine files live (gitignored). */
export const DATA_DIR = join(import.meta.dirname, '..', '.data')

/** One data size of the suite: a demo graph of `customers` customers in its own engine file. */
export interface DataSize {
  name: string
  customers: number
  path: string
}

// The demo generator writes about 28 records + relationships per customer (2.80 M for 100k
// customers), so these customer counts give about 10k, 100k and 1M records + relationships.
const SIZES: Record<string, number> = {
  '10k': 360,
  '100k': 3_600,
  '1m': 36_000,
  // The graph the targets are stated for: 100,000 customers (1.35 M records + 1.45 M relationships),
  // the same file bench:engine builds.
  '100k-customers': 100_000
}

/** Size names in the order the suite runs them. */
export const SIZE_NAMES = Object.keys(SIZES)

/** The sizes named in `list` (comma separated: 10k,100k,1m,100k-customers); a clear error for unknown names. */
export function dataSizes(list: string): DataSize[] {
  return list.split(',').map((s) => s.trim()).filter(Boolean).map((name) => {
    const customers = SIZES[name]
    if (!customers) throw new Error(`unknown size "${name}"; pick from ${SIZE_NAMES.join(', ')}`)
    return { name, customers, path: join(DATA_DIR, benchDbName(customers)) }
  })
}

/** Builds the size's engine file through the SDK unless it exists (see bench/engine/build-bench-db.ts). */
export async function ensureDataSize(size: DataSize, log: (line: string) => void): Promise<void> {
  mkdirSync(DATA_DIR, { recursive: true })
  const built = await ensureBenchDatabase(size.path, size.customers, log)
  if (built) log(`built ${size.name} (${size.customers} customers): ${built.records} records + ${built.relationships} relationships in ${(built.ms / 1000).toFixed(0)} s`)
}
