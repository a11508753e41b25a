import { createHash } from 'node:crypto';
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
 * What a viewer's rights resolve to, as a string: two viewers with the same class get identical
 * answers from every field resolver (see `LiveRights.renderingClass`).
 */
export type RenderingClass = (viewer: Viewer | null) => Promise<string>;

/** A fresh unit of work (entity manager, loaders, access) for the same viewer as `context`. */
export type RenewContext = (context: unknown) => unknown;

/**
 * graphql-js executes a subscription's selection once per event and subscriber. With thousands
 * of people on one board that is thousands of identical executions per change. Here the result
 * is computed once per event, operation (query, variables but `since`) and rendering class, and
 * reused for the other subscribers of that class.
 *
 * Each rendering runs in a context of its own (`renew`): a new entity manager, loaders and
 * access per event, so nothing a field resolver cached for an earlier event (an identity map, a
 * loader's comment count) lives on into the next one.
 *
 * Whether an event reaches a subscriber at all is still decided per subscriber (mayReceive runs
 * in the source stream before this). What is shared is only the rendering, and only between
 * viewers whose rights resolve to the same companies and personal-data right.
 */
export class SharedExecution {
  /** Executions run and results reused (tests and metrics). */
  readonly stats = { executed: 0, reused: 0 };
  private readonly results = new Map<string, Promise<ExecutionResult>>();

  constructor(private readonly renderingClass: RenderingClass) {}

  /** graphql-ws's `subscribe`: graphql-js's, with rendering shared by rendering class. */
  async subscribe(args: ExecutionArgs, renew: RenewContext): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const viewer = (args.contextValue as { viewer?: Viewer | null } | undefined)?.viewer ?? null;
    const operation = operationKey(args);
    return mapIterator(source[Symbol.asyncIterator](), async (payload) => {
      const run = async () => {
        this.stats.executed++;
        return (await execute({ ...args, contextValue: renew(args.contextValue), rootValue: payload })) as ExecutionResult;
      };
      const seq = (payload as { seq?: unknown } | null)?.seq;
      // Without its rights (database restarting), a subscriber renders on its own.
      const rights = typeof seq === 'number' ? await this.renderingClass(viewer).catch(() => null) : null;
      return rights === null ? run() : this.render(`${seq}:${operation}:${rights}`, run);
    });
  }

  private async render(key: string, run: () => Promise<ExecutionResult>): Promise<ExecutionResult> {
    const { results } = this;
    const cached = results.get(key);
    if (cached) {
      const shared = await cached.catch(() => null);
      // An errored rendering (a failed load, say) is its first subscriber's alone: render anew.
      if (shared && !shared.errors) {
        this.stats.reused++;
        return shared;
      }
      return run();
    }
    const result = run();
    results.set(key, result);
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
 * The operation and its variables, hashed. The variable passed as the root
 * field's `since` is left out when nothing else uses it: it only decides where the stream
 * starts, never what an event renders to.
 */
function operationKey(args: ExecutionArgs): string {
  const variables = { ...(args.variableValues ?? {}) };
  const startVariable = sinceVariable(args);
  if (startVariable) delete variables[startVariable];
  const sorted = Object.fromEntries(Object.entries(variables).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha1')
    .update(print(args.document))
    .update(`\0${args.operationName ?? ''}\0${JSON.stringify(sorted)}`)
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
