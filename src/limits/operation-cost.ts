import {
  getNamedType,
  getOperationAST,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode
} from 'graphql'

/** Page sizes the resolvers use when a list field has no limit/first/last. */
export interface CostPageSizes {
  /** Root list and connection fields (PAGE_SIZE_DEFAULT). */
  root: number
  /** Nested relation lists (the resolvers fetch up to PAGE_SIZE_MAX). */
  nested: number
  /** Largest page the resolvers accept (PAGE_SIZE_MAX); bigger arguments are refused by them. */
  max: number
}

const PAGE_ARGS = ['limit', 'first', 'last'] as const

/**
 * A list field whose page sizes differ from the lists' (`extensions.pageCost`): group-by fields
 * default to the page maximum and accept more groups than a record page.
 */
export interface PageCost {
  defaultSize?: 'max'
  maxSize?: number
}

/** The value of one argument node when it is an integer literal or a variable holding one. */
function intArgument(node: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name)
  if (!arg) return undefined
  const value = arg.value.kind === Kind.INT ? Number(arg.value.value) : arg.value.kind === Kind.VARIABLE ? variables[arg.value.name.value] : undefined
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined
}

function pageSize(def: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>, isRoot: boolean, sizes: CostPageSizes): number {
  if (!def.args.some((a) => (PAGE_ARGS as readonly string[]).includes(a.name))) return 1
  // Only the page arguments are read (not the whole, possibly large, where input); a bad value is
  // counted at the default here and refused by execution with a precise message.
  const given = PAGE_ARGS.map((name) => intArgument(node, name, variables)).filter((v): v is number => v !== undefined)
  const own = def.extensions?.pageCost as PageCost | undefined
  const fallback = own?.defaultSize === 'max' ? sizes.max : isRoot ? sizes.root : sizes.nested
  return Math.min(given.length > 0 ? Math.max(...given) : fallback, own?.maxSize ?? sizes.max)
}

/**
 * The cost of the operation that will execute: how many objects its response can hold. Every field
 * of object type counts 1 per parent object, and a paged list field (one with limit/first/last)
 * multiplies its subtree by its page size: the argument's value, or the default the resolvers use.
 * `@skip`/`@include` are ignored (the bound holds whatever their variables say). Fragments are
 * costed once per type (memoised), so repeated spreads cannot make this slow.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>, sizes: CostPageSizes): number {
  const operation = getOperationAST(document, operationName)
  if (!operation) return 0
  const root = schema.getRootType(operation.operation)
  if (!root) return 0
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const memo = new Map<string, number>()

  const cost = (set: SelectionSetNode, type: GraphQLNamedType | undefined | null): number => {
    let total = 0
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!type || !(isObjectType(type) || isInterfaceType(type))) continue
        const def = type.getFields()[sel.name.value]
        if (!def) continue
        const target = getNamedType(def.type)
        const own = isCompositeType(target) ? 1 : 0
        const children = sel.selectionSet ? cost(sel.selectionSet, target) : 0
        total += pageSize(def, sel, variables, type === root, sizes) * (own + children)
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        total += cost(sel.selectionSet, sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type)
      } else {
        const name = sel.name.value
        if (!memo.has(name)) {
          const fragment = fragments.get(name)
          memo.set(name, 0) // guards against cycles; validation has rejected them already
          memo.set(name, fragment ? cost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)) : 0)
        }
        total += memo.get(name)!
      }
    }
    return Math.min(total, Number.MAX_SAFE_INTEGER)
  }
  return cost(operation.selectionSet, root)
}
