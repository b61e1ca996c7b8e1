import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode
} from 'graphql'

/** What walking a selection needs from the operation: schema, fragments, variables. */
export interface OperationScope {
  schema: GraphQLSchema
  fragments: Record<string, FragmentDefinitionNode>
  variableValues: Record<string, unknown>
}

/** A selected field with its response key, definition, coerced arguments and sub-selection. */
export interface SelectedField {
  responseKey: string
  name: string
  def: GraphQLField<unknown, unknown>
  args: Record<string, unknown>
  selectionSet?: SelectionSetNode
}

function included(scope: OperationScope, node: { directives?: readonly unknown[] }): boolean {
  const n = node as FieldNode
  if (getDirectiveValues(GraphQLSkipDirective, n, scope.variableValues)?.if === true) return false
  if (getDirectiveValues(GraphQLIncludeDirective, n, scope.variableValues)?.if === false) return false
  return true
}

/**
 * The fields selected on `type`, following named and inline fragments and honouring
 * `@skip`/`@include`, each with its arguments coerced exactly as execution will coerce them.
 */
export function selectedFields(scope: OperationScope, type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): SelectedField[] {
  const out: SelectedField[] = []
  const visit = (set: SelectionSetNode) => {
    for (const sel of set.selections) {
      if (!included(scope, sel)) continue
      if (sel.kind === Kind.FIELD) {
        const def = type.getFields()[sel.name.value]
        if (!def) continue
        out.push({
          responseKey: sel.alias?.value ?? sel.name.value,
          name: sel.name.value,
          def,
          args: getArgumentValues(def, sel, scope.variableValues),
          selectionSet: sel.selectionSet
        })
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || sel.typeCondition.name.value === type.name) visit(sel.selectionSet)
      } else {
        const fragment = scope.fragments[sel.name.value]
        if (fragment && fragment.typeCondition.name.value === type.name) visit(fragment.selectionSet)
      }
    }
  }
  selectionSets.forEach(visit)
  return out
}
