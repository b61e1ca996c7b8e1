import {
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode
} from 'graphql'
import { SCOPES, type Scope } from './api-keys.js'

/** The scope each operation type needs before any field rule: queries read, mutations write. */
export const OPERATION_SCOPE: Record<string, Scope> = { query: 'read', mutation: 'write', subscription: 'read' }

/** Why a scope is needed: the operation type or the schema coordinates that ask for it. */
export type ScopeNeeds = Map<Scope, string[]>

function declaredScope(extensions: Record<string, unknown> | null | undefined): Scope | undefined {
  const value = extensions?.scope
  return typeof value === 'string' && SCOPES.includes(value as Scope) ? (value as Scope) : undefined
}

/**
 * The scopes an operation needs, declaratively: its type's scope (query → read, mutation → write),
 * plus the `extensions.scope` of every field or type it selects (e.g. `scope: 'admin'` on an admin
 * field). New mutations and fields are covered without touching this file.
 */
export function requiredScopes(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): ScopeNeeds {
  const needs: ScopeNeeds = new Map()
  const operation = getOperationAST(document, operationName)
  if (!operation) return needs
  const add = (scope: Scope, why: string) => {
    const list = needs.get(scope) ?? []
    if (!list.includes(why)) list.push(why)
    needs.set(scope, list)
  }
  add(OPERATION_SCOPE[operation.operation], `${operation.operation} operations`)
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const seen = new Set<string>()
  const visit = (set: SelectionSetNode, type: GraphQLNamedType | undefined) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!type || !(isObjectType(type) || isInterfaceType(type))) continue
        const def = type.getFields()[sel.name.value]
        if (!def) continue
        const fieldScope = declaredScope(def.extensions as Record<string, unknown>)
        if (fieldScope) add(fieldScope, `${type.name}.${def.name}`)
        const target = getNamedType(def.type)
        const typeScope = declaredScope(target.extensions as Record<string, unknown>)
        if (typeScope) add(typeScope, target.name)
        if (sel.selectionSet) visit(sel.selectionSet, target)
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        visit(sel.selectionSet, sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : type)
      } else {
        const fragment = fragments.get(sel.name.value)
        // A fragment's needs do not depend on where it is spread: visit each once.
        if (!fragment || seen.has(fragment.name.value)) continue
        seen.add(fragment.name.value)
        visit(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value))
      }
    }
  }
  visit(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined)
  return needs
}
