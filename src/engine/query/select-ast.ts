import type { RelatedStep } from './compile-context.js'
import type { OrderKey } from './compile-order.js'

/** Where an aggregate or collect reads records from: a `$alias` of the where, or a one-hop related query. */
export type Source =
  | { kind: 'alias'; alias: string; field?: string }
  | { kind: 'related'; step: RelatedStep; field?: string }

/** A parsed `select` / `aggregate` expression. */
export type Expr =
  | { k: 'lit'; value: unknown }
  | { k: 'field'; alias: string; field: string }
  | { k: 'agg'; fn: 'sum' | 'avg' | 'min' | 'max'; src: Source; precision?: number; legacyAvg?: boolean }
  | { k: 'count'; src: Source | '*'; distinct: boolean }
  | { k: 'arith'; op: '$add' | '$subtract' | '$multiply' | '$divide'; a: Expr; b: Expr }
  | { k: 'ref'; key: string }
  | { k: 'bucket'; field: Expr; unit: string; size: number }
  | CollectExpr

/** A collect: related records (or one field's values), ordered, paged, optionally shaped by `select`. */
export interface CollectExpr {
  k: 'collect'
  src: Source
  select?: Record<string, Expr>
  orderBy: OrderKey[]
  limit?: number
  skip: number
  unique: boolean
  /** RushDB v1.8 collect: first order key only, `[skip..limit]` end-index slice, limit default 100. */
  legacy: boolean
}

/** Time units `$timeBucket` accepts (plural forms normalised to singular). */
export const TIME_UNITS = new Set(['day', 'week', 'month', 'quarter', 'year', 'hour', 'minute', 'second'])
