import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql'

/** Depth and alias count of the largest operation in a document, fragments expanded. */
export interface OperationShape {
  depth: number
  aliases: number
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type'])

/**
 * Measures a parsed document before validation, so oversized operations are refused before the
 * validator (whose overlapping-fields rule is quadratic in aliases) or RushDB ever sees them.
 * Fragments are measured once each (memoised), so fragment "bombs" cost linear time here.
 * Introspection subtrees are not counted for depth: their nesting is fixed by the schema.
 */
export function measureOperation(document: DocumentNode): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const memo = new Map<string, OperationShape>()
  const inProgress = new Set<string>()

  const measure = (set: SelectionSetNode): OperationShape => {
    let depth = 0
    let aliases = 0
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) aliases++
        if (INTROSPECTION_ROOTS.has(sel.name.value)) continue
        const child = sel.selectionSet ? measure(sel.selectionSet) : { depth: 0, aliases: 0 }
        depth = Math.max(depth, 1 + child.depth)
        aliases += child.aliases
      } else {
        const child = sel.kind === Kind.INLINE_FRAGMENT ? measure(sel.selectionSet) : fragmentShape(sel.name.value)
        depth = Math.max(depth, child.depth)
        aliases += child.aliases
      }
    }
    return { depth, aliases: Math.min(aliases, Number.MAX_SAFE_INTEGER) }
  }

  const fragmentShape = (name: string): OperationShape => {
    const known = memo.get(name)
    if (known) return known
    const fragment = fragments.get(name)
    // Unknown or cyclic spreads are the validator's to report; count them as empty here.
    if (!fragment || inProgress.has(name)) return { depth: 0, aliases: 0 }
    inProgress.add(name)
    const shape = measure(fragment.selectionSet)
    inProgress.delete(name)
    memo.set(name, shape)
    return shape
  }

  let worst: OperationShape = { depth: 0, aliases: 0 }
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue
    const shape = measure(d.selectionSet)
    worst = { depth: Math.max(worst.depth, shape.depth), aliases: Math.max(worst.aliases, shape.aliases) }
  }
  return worst
}
