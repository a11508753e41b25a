import type { GatewayInterface, GatewayExecutor } from '@apollo/server-gateway-interface';
import { execute, getOperationAST, getVariableValues, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Compiled operations kept (a compiled function and its closures weigh tens of kilobytes for a
 * large page): the client's own documents are a few dozen, so this bounds what unknown ones cost.
 */
const MAX_COMPILED = 200;
/** Executions of a document before it is compiled: a document sent once never pays for compiling. */
const COMPILE_AFTER = 2;

/**
 * Queries over HTTP executed by graphql-jit: each validated document is compiled
 * once into a function that walks its selection without graphql-js's per-field bookkeeping
 * (argument maps, path objects, completion by type for every value). Apollo keeps everything
 * around execution: parsing, validation and its document store, the operation limits plugin,
 * error formatting and masking. Whatever the compiled function cannot do the way graphql-js does
 * — variables that do not coerce (graphql-js's own messages), a document it cannot compile — runs
 * on graphql-js `execute`, so clients see one behaviour.
 */
export class CompiledExecutor {
  /**
   * By Apollo's query hash and operation name: the compiled query (null when it cannot be
   * compiled), or how often the document ran before. Least recently used evicted first.
   */
  private readonly entries = new Map<string, CompiledQuery | null | number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly maxEntries = MAX_COMPILED,
  ) {}

  /** How many operations are compiled now. */
  get compiledCount(): number {
    let count = 0;
    for (const entry of this.entries.values()) if (entry !== null && typeof entry === 'object') count += 1;
    return count;
  }

  private compiledFor(key: string, document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    const known = this.entries.get(key);
    let entry: CompiledQuery | null | number;
    if (known === undefined || typeof known === 'number') {
      const runs = (known ?? 0) + 1;
      if (runs < COMPILE_AFTER) {
        entry = runs;
      } else {
        const result = compileQuery(this.schema, document, operationName);
        entry = isCompiledQuery(result) ? result : null;
      }
    } else {
      entry = known;
    }
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
    return typeof entry === 'number' ? null : entry;
  }

  execute(args: {
    queryHash: string;
    document: DocumentNode;
    operationName: string | undefined;
    variables: Record<string, unknown> | undefined;
    context: object;
  }): ExecutionResult | Promise<ExecutionResult> {
    const { document, operationName, context } = args;
    const variables = args.variables ?? {};
    const operation = getOperationAST(document, operationName);
    // Mutations stay on graphql-js: one root field each, run once, where compiling saves nothing
    // measurable — and graphql-jit 0.8.9 answers a mutation resolver's synchronous throw with a
    // bare "Internal server error" instead of the error's code.
    const coerced = operation?.operation === 'query' && getVariableValues(this.schema, operation.variableDefinitions ?? [], variables);
    const compiled = coerced && !coerced.errors ? this.compiledFor(`${args.queryHash}:${operationName ?? ''}`, document, operationName) : null;
    if (!compiled) return execute({ schema: this.schema, document, operationName, variableValues: variables, contextValue: context });
    return compiled.query(undefined, context, variables) as ExecutionResult | Promise<ExecutionResult>;
  }

  /**
   * Apollo's way to take over execution is a gateway: it serves the schema given here and hands
   * every validated operation to the executor.
   */
  gateway(): GatewayInterface {
    const executor: GatewayExecutor = async (request) =>
      (await this.execute({
        queryHash: request.queryHash,
        document: request.document,
        operationName: request.operationName ?? undefined,
        variables: request.request.variables,
        context: request.context,
      })) as Awaited<ReturnType<GatewayExecutor>>;
    const schema = this.schema;
    return {
      async load() {
        return { schema, executor };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
        return () => {};
      },
      async stop() {},
    };
  }
}
