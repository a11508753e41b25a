import { readFileSync } from 'node:fs';
import { Kind, parse, print, visit, type DefinitionNode } from 'graphql';

/** One operation of a web .graphql file with the fragments it spreads, as the client sends it. */
export function webOperation(relativePath: string, name: string): string {
  const definitions = parse(readFileSync(new URL(`../../../web/src/${relativePath}`, import.meta.url), 'utf8')).definitions;
  const fragments = new Map(definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`${name} is not in ${relativePath}`);
  const used: DefinitionNode[] = [operation];
  for (let i = 0; i < used.length; i++) {
    visit(used[i]!, {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !used.includes(fragment)) used.push(fragment);
      },
    });
  }
  return used.map((d) => print(d)).join('\n');
}
