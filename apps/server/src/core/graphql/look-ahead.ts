import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, type FieldNode, type FragmentDefinitionNode, type FragmentSpreadNode, type GraphQLResolveInfo, type InlineFragmentNode, type SelectionSetNode } from 'graphql';

/**
 * What an operation selects below a field, merged over aliases and fragments: field name → the
 * selection below it (null for a leaf). Reads use it to shape their SQL to the selection
 * (look-ahead), the way PostGraphile plans a whole query before running it. `@skip`/`@include`
 * are honoured as graphql-js executes them, so a read never pays for what a page leaves out.
 */
export type Selection = Map<string, Selection | null>;

type Variables = GraphQLResolveInfo['variableValues'];

/** Whether graphql-js executes `node` under the operation's variables (its `@skip`/`@include`). */
function included(node: FieldNode | FragmentSpreadNode | InlineFragmentNode, variables: Variables): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.['if'] === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.['if'] !== false;
}

function collect(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, into: Selection, variables: Variables): Selection {
  for (const node of set.selections) {
    if (!included(node, variables)) continue;
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      if (!node.selectionSet) {
        if (!into.has(name)) into.set(name, null);
        continue;
      }
      const below = into.get(name) ?? new Map<string, Selection | null>();
      into.set(name, collect(node.selectionSet, fragments, below, variables));
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, fragments, into, variables);
    } else {
      const fragment = fragments[node.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, into, variables);
    }
  }
  return into;
}

/** The selection below the resolved field, then below each name of `path` (e.g. `['edges', 'node']`). */
export function lookAhead(info: GraphQLResolveInfo, path: readonly string[] = []): Selection {
  let selection: Selection = new Map();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, selection, info.variableValues);
  for (const name of path) selection = selection.get(name) ?? new Map();
  return selection;
}
