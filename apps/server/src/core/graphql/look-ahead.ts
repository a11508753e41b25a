import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * What an operation selects below a field, merged over aliases and fragments: field name → the
 * selection below it (null for a leaf). Reads use it to shape their SQL to the selection
 * (look-ahead), the way PostGraphile plans a whole query before running it. `@skip`/`@include`
 * are ignored, so a conditional field counts as selected: reading a column too many is harmless.
 */
export type Selection = Map<string, Selection | null>;

function collect(set: SelectionSetNode, fragments: Record<string, FragmentDefinitionNode>, into: Selection): Selection {
  for (const node of set.selections) {
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      if (!node.selectionSet) {
        if (!into.has(name)) into.set(name, null);
        continue;
      }
      const below = into.get(name) ?? new Map<string, Selection | null>();
      into.set(name, collect(node.selectionSet, fragments, below));
    } else if (node.kind === Kind.INLINE_FRAGMENT) {
      collect(node.selectionSet, fragments, into);
    } else {
      const fragment = fragments[node.name.value];
      if (fragment) collect(fragment.selectionSet, fragments, into);
    }
  }
  return into;
}

/** The selection below the resolved field, then below each name of `path` (e.g. `['edges', 'node']`). */
export function lookAhead(info: GraphQLResolveInfo, path: readonly string[] = []): Selection {
  let selection: Selection = new Map();
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info.fragments, selection);
  for (const name of path) selection = selection.get(name) ?? new Map();
  return selection;
}
