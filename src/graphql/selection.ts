import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The names of the fields the query selects at `path` below the field being resolved ([]: its own subfields). */
export function fieldsSelectedAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  const names = new Set<string>();
  const collect = (selectionSet: SelectionSetNode | undefined, seen: Set<string>, into: (node: FieldNode) => void) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) into(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, seen, into);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        collect(info.fragments[selection.name.value]?.selectionSet, seen, into);
      }
    }
  };
  let level: FieldNode[] = [...info.fieldNodes];
  for (const name of path) {
    const next: FieldNode[] = [];
    for (const node of level) collect(node.selectionSet, new Set(), (field) => field.name.value === name && next.push(field));
    level = next;
  }
  for (const node of level) collect(node.selectionSet, new Set(), (field) => names.add(field.name.value));
  return names;
}

/**
 * Whether the query selects `fieldName` directly under the field being resolved, through
 * fragments too. Lets a list resolver fetch a relation in its own statement when, and only
 * when, the query asks for it.
 */
export function selectsField(info: GraphQLResolveInfo, fieldName: string): boolean {
  return fieldsSelectedAt(info, []).has(fieldName);
}

/** Every field name the query selects anywhere below the field being resolved, at any depth. */
export function fieldNamesBelow(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
        walk(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}
