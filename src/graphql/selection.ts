import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the query selects `fieldName` directly under the field being resolved, through
 * fragments and inline fragments too. Lets a list resolver fetch a relation in its own
 * statement when, and only when, the query asks for it.
 */
export function selectsField(info: GraphQLResolveInfo, fieldName: string): boolean {
  const seen = new Set<string>();
  const search = (selectionSet: SelectionSetNode | undefined): boolean => {
    if (!selectionSet) return false;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === fieldName) return true;
      if (selection.kind === Kind.INLINE_FRAGMENT && search(selection.selectionSet)) return true;
      if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        if (search(info.fragments[selection.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
