import { notFound } from '../../errors.js'
import type { Reply } from '../envelope.js'
import type { TxRouteContext } from '../route-types.js'
import { objectBody } from '../search-body.js'

/** POST /tx `{ttl?}`: waits for the write lock, then opens a transaction. */
export async function beginTxHandler(ctx: TxRouteContext): Promise<Reply> {
  const id = await ctx.transactions.begin(objectBody(ctx.body).ttl)
  return { data: { id } }
}

/** GET /tx/:txId: `{id}` while open, else 404. */
export function getTxHandler(ctx: TxRouteContext): Reply {
  const id = ctx.params.txId
  if (!ctx.transactions.has(id)) throw notFound(`Transaction with ID ${id} not found`)
  return { data: { id } }
}

/** POST /tx/:txId/commit: 200 even for unknown or expired ids, as v1.8. */
export function commitTxHandler(ctx: TxRouteContext): Reply {
  ctx.transactions.commit(ctx.params.txId)
  return { data: { message: `Transaction (${ctx.params.txId}) has been successfully committed.` } }
}

/** POST /tx/:txId/rollback: 200 even for unknown ids. */
export function rollbackTxHandler(ctx: TxRouteContext): Reply {
  ctx.transactions.rollback(ctx.params.txId)
  return { data: { message: `Transaction (${ctx.params.txId}) has been rolled back.` } }
}
