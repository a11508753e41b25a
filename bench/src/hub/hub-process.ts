// The hub under test, in its own process: `createServer(loadConfig(env))` exactly as main.ts
// starts it, plus a small IPC surface for the benchmark (statement count, commit times,
// subscription count, memory after GC, CPU profiles). Started by hub.ts, never imported by
// the load generator.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createServer, loadConfig } from '@ecohub/server';
import { now } from '../load/clock.ts';

const send = (message: Record<string, unknown>) => process.send?.(message);
const countStatements = process.env.BENCH_COUNT_STATEMENTS === '1';
let statements = 0;

try {
  const server = await createServer(loadConfig(process.env), countStatements ? { onQuery: () => void statements++ } : {});

  // Commit times for commit→receipt latency: wrapped where every mutation's transaction reports
  // that it committed outbox events (core/database/transaction.ts calls it after COMMIT) — or,
  // when earlier, where the batch's own NOTIFY reached this instance's dispatcher: the NOTIFY can
  // overtake the COMMIT reply, and its delivery can run before the committing code resumes, so
  // the report alone stamped some commits after their frames were read (negative latencies).
  let traceCommits = false;
  const seen = new Map<number, number>();
  const dispatcher = server.services.realtime.dispatcher;
  const offer = dispatcher.offer.bind(dispatcher);
  dispatcher.offer = (batch) => {
    const first = batch.records[0]?.seq;
    if (traceCommits && first !== undefined && !seen.has(first)) {
      if (seen.size > 10_000) seen.clear();
      seen.set(first, now());
    }
    offer(batch);
  };
  const committed = server.services.outboxCommitted.bind(server.services);
  server.services.outboxCommitted = (batch) => {
    const reported = now();
    const first = batch.records[0]?.seq;
    const at = Math.min(reported, (first !== undefined && seen.get(first)) || reported);
    committed(batch);
    // (A NOTIFY arriving after the report adds an entry again; the map is cleared past 10,000.)
    if (first !== undefined) seen.delete(first);
    if (traceCommits) send({ type: 'committed', at });
  };

  // V8's CPU profiler (what --cpu-prof uses) and sampling heap profiler, around one phase.
  const inspector = new Session();
  inspector.connect();

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
  process.on('message', async (message: { type: string; id?: number; on?: boolean; file?: string }) => {
    const reply = (payload: Record<string, unknown>) => send({ ...payload, type: message.type, id: message.id });
    switch (message.type) {
      case 'statements':
        reply({ count: statements });
        break;
      case 'trace-commits':
        traceCommits = message.on === true;
        reply({});
        break;
      case 'gc':
        // Memory figures are read after a full collection, so garbage does not count as cost.
        globalThis.gc?.();
        reply({});
        break;
      case 'stats': {
        const memory = process.memoryUsage();
        reply({ subscriptions: server.services.realtime.subscriptions, ...memory });
        break;
      }
      case 'profile-start':
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.setSamplingInterval', { interval: 500 });
        await inspector.post('Profiler.start');
        reply({});
        break;
      case 'profile-stop': {
        const { profile } = await inspector.post('Profiler.stop');
        writeFileSync(message.file as string, JSON.stringify(profile));
        reply({});
        break;
      }
      case 'heap-start':
        await inspector.post('HeapProfiler.enable');
        await inspector.post('HeapProfiler.startSampling', { samplingInterval: 16_384 });
        reply({});
        break;
      case 'heap-stop': {
        const { profile } = await inspector.post('HeapProfiler.stopSampling');
        writeFileSync(message.file as string, JSON.stringify(profile));
        reply({});
        break;
      }
      case 'stop':
        void stop();
        break;
    }
  });
  send({ type: 'ready', url: server.url, databaseUrl: server.orm.config.get('clientUrl'), pid: process.pid });
} catch (error) {
  send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exit(1);
}
