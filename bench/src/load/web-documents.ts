import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { REPO_ROOT } from '../paths.ts';

const WEB_SOURCE = join(REPO_ROOT, 'apps', 'web', 'src');
const SERVER_SCHEMA = join(REPO_ROOT, 'apps', 'server', 'schema.graphql');

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : graphqlFiles(path);
    return name.endsWith('.graphql') ? [path] : [];
  });
}

/** An operation of the web client, as the client sends it: its own text plus the fragments it spreads. */
export interface WebOperation {
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  text: string;
  /** Named types its selection reaches (e.g. `BoardRow`): what the answer carries. */
  types: Set<string>;
}

/**
 * The web client's GraphQL documents, read from apps/web/src/**\/*.graphql as they are in this
 * checkout, so a benchmark runs exactly what the client runs (never hand-written copies).
 */
export class WebDocuments {
  private readonly operations = new Map<string, OperationDefinitionNode>();
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly schema: GraphQLSchema;

  constructor() {
    for (const file of graphqlFiles(WEB_SOURCE)) {
      for (const definition of parse(readFileSync(file, 'utf8')).definitions) this.index(definition);
    }
    this.schema = buildSchema(readFileSync(SERVER_SCHEMA, 'utf8'));
  }

  private index(definition: DefinitionNode): void {
    if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) this.operations.set(definition.name.value, definition);
    if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
  }

  has(name: string): boolean {
    return this.operations.has(name);
  }

  operation(name: string): WebOperation {
    const operation = this.operations.get(name);
    if (!operation) throw new Error(`the web client has no operation named ${name}`);
    const needed = new Map<string, FragmentDefinitionNode>();
    const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
      visit(node, {
        FragmentSpread: (spread) => {
          const fragment = this.fragments.get(spread.name.value);
          if (fragment && !needed.has(fragment.name.value)) {
            needed.set(fragment.name.value, fragment);
            collect(fragment);
          }
        },
      });
    collect(operation);
    const document = { kind: Kind.DOCUMENT, definitions: [operation, ...needed.values()] } as const;
    const types = new Set<string>();
    const info = new TypeInfo(this.schema);
    visit(
      document,
      visitWithTypeInfo(info, {
        Field: () => {
          const type = info.getType();
          if (type) types.add(getNamedType(type).name);
        },
      }),
    );
    return { name, kind: operation.operation, text: print(document), types };
  }
}

/** What a page's composable uses: the `…Document` names it imports, and its refetch debounce. */
export interface ComposableUse {
  documents: string[];
  /** `debounced(refetch, N)`: the client waits N ms after an event before refetching. */
  refetchDebounceMs: number;
}

export function composableUse(relativePath: string): ComposableUse {
  const source = readFileSync(join(WEB_SOURCE, relativePath), 'utf8');
  const documents = [...new Set([...source.matchAll(/\b([A-Z]\w*)Document\b/g)].map((m) => m[1]!))];
  const debounce = /debounced\(\s*refetch\s*,\s*(\d+)\s*\)/.exec(source);
  return { documents, refetchDebounceMs: debounce ? Number(debounce[1]) : 0 };
}

/**
 * The board page's variables for a viewer who sees the whole year unfiltered (a program manager):
 * useProgramBoard.ts asks for per-category row figures only when the board totals its own rows.
 */
export const WHOLE_YEAR = { withCategories: false } as const;
