import type { RushDB } from '@rushdb/javascript-sdk'
import type { RestAnswer } from '../rushdb/rest-call.js'
import { restCallOf } from '../rushdb/sdk-rest.js'
import { translateBackendError } from '../rushdb/translate-error.js'
import type { WriteEdge } from './write-catalog.js'
import type { TxWriter } from './tx-writer.js'

/** Links between parents and new children that share a key value, written as one key join. */
export interface KeyJoinSpec {
  parentLabel: string
  childLabel: string
  /** The parent's natural key, and the child property holding the same value. */
  parentKey: string
  childKey: string
  /** The edge seen from the parent: `out` is (parent)-[type]->(child). */
  edge: WriteEdge
  parentIds: string[]
  childIds: string[]
}

/** How long a server found without the route is not asked again (an upgrade is picked up after it). */
const UNSUPPORTED_FOR_MS = 5 * 60_000
const unsupportedUntil = new WeakMap<RushDB, number>()

/** True when `db` can be asked for `POST /relationships/create-many` (a REST caller, not known to lack it). */
export function canLinkByKey(db: RushDB): boolean {
  return restCallOf(db) !== undefined && (unsupportedUntil.get(db) ?? 0) <= Date.now()
}

function messageOf(answer: RestAnswer): string {
  const message = answer.body?.message
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : ''
}

/**
 * A server without the route: RushDB before 1.12 answers an unknown route with Nest's 404 "Cannot
 * POST …", or takes `create-many` for a record id on `POST /relationships/:id` (attach), refused
 * with 403 (unknown record) or 400 (no `targetIds`).
 */
function routeMissing(answer: RestAnswer): boolean {
  const message = messageOf(answer)
  if (answer.status === 404) return /^Cannot [A-Z]+ /.test(message)
  return answer.status === 403 || (answer.status === 400 && /targetIds|uuid/i.test(message))
}

/**
 * Writes `spec` as one `POST /relationships/create-many` inside the writer's transaction: source
 * the parents, target the children, each narrowed by `$id`, joined on their keys. Returns false when
 * the server has no such route (remembered for a while), so the caller attaches per parent.
 */
export async function linkByKey(writer: TxWriter, spec: KeyJoinSpec): Promise<boolean> {
  const rest = restCallOf(writer.db)
  if (!rest || !canLinkByKey(writer.db)) return false
  const body = {
    source: { label: spec.parentLabel, key: spec.parentKey, where: { $id: { $in: spec.parentIds } } },
    target: { label: spec.childLabel, key: spec.childKey, where: { $id: { $in: spec.childIds } } },
    type: spec.edge.type,
    direction: spec.edge.direction
  }
  let answer: RestAnswer
  try {
    answer = await rest('POST', '/relationships/create-many', body, { 'x-transaction-id': writer.tx.id })
  } catch (error) {
    throw translateBackendError(error)
  }
  if (answer.status >= 200 && answer.status < 300) return true
  if (routeMissing(answer)) {
    unsupportedUntil.set(writer.db, Date.now() + UNSUPPORTED_FOR_MS)
    return false
  }
  throw translateBackendError(new Error(String(answer.status)))
}
