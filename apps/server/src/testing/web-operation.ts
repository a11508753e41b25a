import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit, type DefinitionNode, type FragmentDefinitionNode } from 'graphql';

const WEB_SOURCE = fileURLToPath(new URL('../../../web/src/', import.meta.url));

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

let fragments: Map<string, FragmentDefinitionNode> | undefined;
/** Every fragment of the web client: an operation may spread fragments defined beside other components. */
function webFragments(): Map<string, FragmentDefinitionNode> {
  fragments ??= new Map(
    graphqlFiles(WEB_SOURCE).flatMap((file) =>
      parse(readFileSync(file, 'utf8')).definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
    ),
  );
  return fragments;
}

/** One operation of a web .graphql file with the fragments it spreads (from any web file), as the client sends it. */
export function webOperation(relativePath: string, name: string): string {
  const definitions = parse(readFileSync(join(WEB_SOURCE, relativePath), 'utf8')).definitions;
  const operation = definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`${name} is not in ${relativePath}`);
  const used: DefinitionNode[] = [operation];
  for (let i = 0; i < used.length; i++) {
    visit(used[i]!, {
      FragmentSpread(node) {
        const fragment = webFragments().get(node.name.value);
        if (!fragment) throw new Error(`${name} spreads ${node.name.value}, which no web .graphql file defines`);
        if (!used.includes(fragment)) used.push(fragment);
      },
    });
  }
  return used.map((d) => print(d)).join('\n');
}
