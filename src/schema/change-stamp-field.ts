import type { ScalarFieldMapping } from './storage-mapping.js'

/**
 * The `updatedAt` field of every type that changes after it is written: the source system's time
 * when a payload carries it, else stamped by the gateway (src/writes/change-stamp.ts). BI tools
 * pull increments by it.
 */
export const UPDATED_AT_FIELD: ScalarFieldMapping = {
  kind: 'DateTime',
  description: "Last change: the source system's, else stamped by the gateway on each write that changes the record. Filter with gte and sort ascending for incremental pulls."
}
