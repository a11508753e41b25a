import { createHash } from 'node:crypto';
import { Role } from '@ecohub/domain';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  Kind,
  print,
  visit,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Viewer } from '../auth/viewer.ts';

const CAPACITY = 10_000;

/**
 * graphql-js executes a subscription's selection once per event and subscriber. With thousands
 * of people on one board that is thousands of identical executions per change. Here the result
 * is computed once per event, operation (query, variables but `since`) and viewer class, and
 * reused for the other subscribers of that class.
 *
 * Whether an event reaches a subscriber at all is still decided per subscriber (mayReceive runs
 * in the source stream before this). What is shared is only the rendering, and only between
 * viewers for whom every field resolver answers the same: see `viewerClass`.
 */
export class SharedExecution {
  /** Executions run and results reused (tests and metrics). */
  readonly stats = { executed: 0, reused: 0 };
  private readonly results = new Map<string, Promise<ExecutionResult>>();

  /** graphql-ws's `subscribe`: graphql-js's, with rendering shared by viewer class. */
  readonly subscribe = async (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const viewer = (args.contextValue as { viewer?: Viewer | null } | undefined)?.viewer ?? null;
    const operation = operationKey(args, viewer);
    return mapIterator(source[Symbol.asyncIterator](), (payload) => {
      const run = async () => {
        this.stats.executed++;
        return (await execute({ ...args, rootValue: payload })) as ExecutionResult;
      };
      const seq = (payload as { seq?: unknown } | null)?.seq;
      return typeof seq === 'number' ? this.render(`${seq}:${operation}`, run) : run();
    });
  };

  private render(key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const { results } = this;
    const cached = results.get(key);
    if (cached) {
      this.stats.reused++;
      return cached;
    }
    const result = run();
    results.set(key, result);
    // A result with errors (a failed load, say) is the first subscriber's alone.
    void result.then(
      (value) => value.errors && results.get(key) === result && results.delete(key),
      () => results.get(key) === result && results.delete(key),
    );
    if (results.size > CAPACITY) {
      const oldest = results.keys().next().value;
      if (oldest !== undefined) results.delete(oldest);
    }
    return result;
  }
}

/**
 * Viewers whose field resolvers give identical answers: administrators and program managers
 * (all companies, personal data) by role, company staff by role and company; experts (their
 * teams' companies) and observers (who see their own personal data but no one else's) each on
 * their own.
 */
export function viewerClass(viewer: Viewer | null): string {
  if (!viewer) return 'anonymous';
  if (viewer.role === Role.ADMIN || viewer.role === Role.PROGRAM_MANAGER) return viewer.role;
  if (viewer.role === Role.COMPANY_STAFF) return `${viewer.role}:${viewer.companyId ?? ''}`;
  return `person:${viewer.personId}`;
}

/**
 * The operation, its variables and the viewer class, hashed. The variable passed as the root
 * field's `since` is left out when nothing else uses it: it only decides where the stream
 * starts, never what an event renders to.
 */
function operationKey(args: ExecutionArgs, viewer: Viewer | null): string {
  const variables = { ...(args.variableValues ?? {}) };
  const startVariable = sinceVariable(args);
  if (startVariable) delete variables[startVariable];
  const sorted = Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha1')
    .update(print(args.document))
    .update(`\0${args.operationName ?? ''}\0${JSON.stringify(sorted)}\0${viewerClass(viewer)}`)
    .digest('base64url');
}

function sinceVariable(args: ExecutionArgs): string | null {
  const operation = getOperationAST(args.document, args.operationName);
  const root = operation?.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) return null;
  const since = root.arguments?.find((argument) => argument.name.value === 'since')?.value;
  if (since?.kind !== Kind.VARIABLE) return null;
  const name = since.name.value;
  let uses = 0;
  visit(args.document, {
    Variable(node) {
      if (node.name.value === name) uses++;
    },
    VariableDefinition() {
      return false;
    },
  });
  return uses === 1 ? name : null;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}

/** Maps each event to its result; returning or throwing reaches the source (the live stream). */
function mapIterator<T, R>(source: AsyncIterator<T>, map: (value: T) => Promise<R>): AsyncIterableIterator<R> {
  return {
    async next() {
      const step = await source.next();
      return step.done ? { value: undefined, done: true } : { value: await map(step.value), done: false };
    },
    async return() {
      await source.return?.();
      return { value: undefined, done: true };
    },
    async throw(error?: unknown) {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
