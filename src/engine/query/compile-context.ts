/** Direction of a traversal from the current record: `out` = edge from it, `in` = edge into it. */
export type Direction = 'in' | 'out' | 'any'

/** A parsed `$relation`: allowed types (any when undefined) and direction. */
export interface RelationSpec {
  types?: string[]
  direction: Direction
}

/** One hop of a related-record block: neighbour label, relation, and the block's own criteria. */
export interface RelatedStep {
  label: string
  relation: RelationSpec
  where: Record<string, unknown>
}

/**
 * How related blocks and property filters are compiled. `exists` probes per candidate record
 * (correlated), `in` materialises the matching set once; see README "Query plans" for timings.
 */
export interface CompileStrategy {
  related: 'exists' | 'in'
  property: 'exists' | 'in'
}

/** The strategy the engine uses (chosen by benchmark, see README). */
export const DEFAULT_STRATEGY: CompileStrategy = { related: 'in', property: 'in' }

/** State shared while compiling one query: alias counter, declared `$alias`es, strategy. */
export class CompileContext {
  private counter = 0
  readonly aliases = new Map<string, RelatedStep[]>()

  constructor(readonly strategy: CompileStrategy = DEFAULT_STRATEGY) {}

  /** A fresh SQL table alias such as `c3` (generated, never from input). */
  alias(prefix: string): string {
    this.counter += 1
    return `${prefix}${this.counter}`
  }
}
