import { ErrorCode, LIMITS } from '@ecohub/domain';
import type { ApolloServerPlugin } from '@apollo/server';
import { coercionError, inputErrors } from './input-guard.ts';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * What one operation may ask for (OWASP GraphQL cheat sheet): deep nesting, many aliases and
 * large nested lists are how a single small request makes the server do unbounded work.
 * The same limits apply over HTTP (Apollo) and over the websocket (graphql-ws onSubscribe).
 */
export const QUERY_LIMITS = {
  /** Nested field levels, e.g. `{ a { b { c } } }` is 3; connection `edges`/`node` levels count. */
  maxDepth: 10,
  /** Aliased fields in the executed operation (fragments counted where they are spread). */
  maxAliases: 30,
  /** Fields that may be resolved: each field counts once per item of every list around it. */
  maxCost: 20_000,
  /** Lexical tokens in the document: bounds parsing work before any other check. */
  maxTokens: 5_000,
} as const;

/** Items a list without a page size is assumed to hold (such lists are small by design). */
const UNPAGED_LIST_SIZE = 10;
/** The page size a connection has when `first` is not given (see pagination.ts). */
const DEFAULT_PAGE_SIZE = 50;

export const PARSE_OPTIONS: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

function tooComplex(message: string, measure: Partial<OperationMeasure>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limits: QUERY_LIMITS, measured: measure, http: { status: 400 } },
  });
}

function numberArgument(node: ValueNode | undefined, variables: Record<string, unknown>): number | null {
  if (!node) return null;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === 'number' ? value : null;
  }
  return null;
}

/** How many items a field multiplies its selections by. */
function listSize(field: FieldNode, definition: GraphQLField<unknown, unknown>, parent: GraphQLNamedType, variables: Record<string, unknown>): number {
  if (definition.args.some((arg) => arg.name === 'first' || arg.name === 'last')) {
    const given = field.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last');
    const size = numberArgument(given?.value, variables) ?? DEFAULT_PAGE_SIZE;
    return Math.max(1, Math.min(size, LIMITS.pageSize));
  }
  if (!isListType(getNullableType(definition.type))) return 1;
  // The edges of a connection are already counted by the connection's `first`.
  return parent.name.endsWith('Connection') ? 1 : UNPAGED_LIST_SIZE;
}

/**
 * Depth, aliases and cost of the operation that will run, with fragments counted where they are
 * spread. Each fragment is measured once and reused (cost scales linearly with the page sizes
 * around it), so a "fragment bomb" that would expand exponentially is measured in linear time,
 * and exactly. Introspection fields count once each, without what they select (introspection is
 * off in production, and the development tools' own introspection query is deep).
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationMeasure>();
  const inProgress = new Set<string>();

  const measureSet = (selectionSet: SelectionSetNode, parent: GraphQLNamedType): OperationMeasure => {
    const total: OperationMeasure = { depth: 0, aliases: 0, cost: 0 };
    const add = (part: OperationMeasure) => {
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.cost += part.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        // `__typename` and introspection fields: their aliases count (a thousand aliased
        // `__typename` are a thousand answers), their insides do not (tools' introspection is deep).
        if (selection.name.value.startsWith('__')) {
          add({ depth: 1, aliases: selection.alias ? 1 : 0, cost: 1 });
          continue;
        }
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const child =
          selection.selectionSet && definition
            ? measureSet(selection.selectionSet, getNamedType(definition.type))
            : { depth: 0, aliases: 0, cost: 0 };
        const size = definition && selection.selectionSet ? listSize(selection, definition, parent, variables) : 1;
        add({ depth: child.depth + 1, aliases: child.aliases + (selection.alias ? 1 : 0), cost: 1 + size * child.cost });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(measureSet(selection.selectionSet, type ?? parent));
      } else {
        add(measureFragment(selection.name.value, parent));
      }
    }
    return total;
  };

  const measureFragment = (name: string, parent: GraphQLNamedType): OperationMeasure => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    // Unknown fragments and cycles are validation errors of their own; here they count nothing.
    if (!fragment || inProgress.has(name)) return { depth: 0, aliases: 0, cost: 0 };
    inProgress.add(name);
    const result = measureSet(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? parent);
    inProgress.delete(name);
    measured.set(name, result);
    return result;
  };

  const root = schema.getRootType(operation.operation);
  return root ? measureSet(operation.selectionSet, root) : { depth: 0, aliases: 0, cost: 0 };
}

/** The errors of an operation past a limit (empty when it is within all of them). */
export function operationLimitErrors(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): GraphQLError[] {
  const measure = measureOperation(schema, document, operation, variables);
  if (measure.depth > QUERY_LIMITS.maxDepth) {
    return [tooComplex(`The query is nested too deeply (more than ${QUERY_LIMITS.maxDepth} levels)`, { depth: measure.depth })];
  }
  if (measure.aliases > QUERY_LIMITS.maxAliases) {
    return [tooComplex(`The query uses too many aliases (more than ${QUERY_LIMITS.maxAliases})`, { aliases: measure.aliases })];
  }
  if (measure.cost > QUERY_LIMITS.maxCost) {
    return [
      tooComplex(`The query asks for too much at once (more than ${QUERY_LIMITS.maxCost} fields); ask for smaller pages`, {
        cost: measure.cost,
      }),
    ];
  }
  return [];
}

/**
 * Apollo: checked once the operation is known, when the variables (page sizes) are at hand, and
 * before any resolver runs; then every string input is checked (input-guard.ts), and in
 * production variables of the wrong type are refused without quoting their value.
 */
export function operationLimitsPlugin<T extends object>(options: { production: boolean }): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const errors = operationLimitErrors(schema, document, operation, request.variables ?? {});
          if (errors[0]) throw errors[0];
          const invalid = inputErrors(schema, document, operation, request.variables ?? {});
          if (invalid) throw invalid;
          const coercion = options.production ? coercionError(schema, operation, request.variables ?? {}) : null;
          if (coercion) throw coercion;
        },
      };
    },
  };
}

/** "Did you mean …?" names fields a client did not ask about: kept out of production answers. */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .*\?$/, '');
}

/** A parsed document and the errors of parsing or validating it: what a document cache keeps. */
export interface PreparedDocument {
  document: DocumentNode | null;
  errors: readonly GraphQLError[];
}

/** Parses with the token limit and validates with the standard rules (plus no introspection in production). */
export function prepareDocument(schema: GraphQLSchema, query: string, options: { production: boolean }): PreparedDocument {
  let document: DocumentNode;
  try {
    document = parse(query, PARSE_OPTIONS);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message : 'The query could not be parsed';
    return { document: null, errors: [new GraphQLError(message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })] };
  }
  const rules = options.production ? [...specifiedRules, NoSchemaIntrospectionCustomRule] : specifiedRules;
  const invalid = validate(schema, document, rules);
  // Apollo's code for the same errors over HTTP, so clients branch on one code.
  const errors = invalid.map(
    (error) =>
      new GraphQLError(options.production ? withoutSuggestions(error.message) : error.message, {
        nodes: error.nodes,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
  );
  return { document, errors };
}

/**
 * The websocket's side of the same rules, for graphql-ws `onSubscribe`: parse and validation
 * (`prepared`, usually from the document cache, else done here), then subscriptions only and the
 * operation limits. Returns the errors to send, or null to let the operation proceed.
 */
export function websocketOperationErrors(
  schema: GraphQLSchema,
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  options: { production: boolean },
  prepared: PreparedDocument = prepareDocument(schema, payload.query, options),
): readonly GraphQLError[] | null {
  const { document } = prepared;
  if (!document || prepared.errors.length > 0) return prepared.errors;
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = payload.operationName
    ? operations.find((o) => o.name?.value === payload.operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return [new GraphQLError('Unable to identify operation')];
  // Queries and mutations go over HTTP, where CSRF prevention, cookies and error masking apply.
  if (operation.operation !== 'subscription') {
    return [new GraphQLError('Only subscriptions are served over the websocket; send queries and mutations over HTTP', { extensions: { code: ErrorCode.BAD_USER_INPUT } })];
  }
  const errors = operationLimitErrors(schema, document, operation, payload.variables ?? {});
  if (errors.length > 0) return errors;
  const badInput = inputErrors(schema, document, operation, payload.variables ?? {}) ?? (options.production ? coercionError(schema, operation, payload.variables ?? {}) : null);
  return badInput ? [badInput] : null;
}
