import { Pool } from 'undici';
import WebSocket from 'ws';
import { WHOLE_YEAR, type WebOperation } from '../load/web-documents.ts';
import { now } from '../load/clock.ts';

/** What the board page runs, taken from the web client's own documents and composable. */
export interface BoardClientPlan {
  board: WebOperation;
  subscriptions: { operation: WebOperation; applies: boolean }[];
  refetchDebounceMs: number;
}

type Frame = { type: string; id?: string; payload?: { data?: Record<string, unknown>; errors?: unknown[] } | unknown[] };

/** The company an event is about: `companyId` or `company { id }` of the event's root field. */
export function companyOf(data: Record<string, unknown> | undefined): string | null {
  const event = data ? (Object.values(data)[0] as Record<string, unknown> | null | undefined) : null;
  if (!event || typeof event !== 'object') return null;
  if (typeof event.companyId === 'string') return event.companyId;
  for (const value of Object.values(event)) {
    if (value && typeof value === 'object') {
      const nested = value as Record<string, unknown>;
      if (typeof nested.companyId === 'string') return nested.companyId;
      const company = nested.company as { id?: unknown } | undefined;
      if (company && typeof company.id === 'string') return company.id;
    }
  }
  return null;
}

/**
 * One simulated board page: loads the board with the client's query, subscribes to the client's
 * board subscriptions from the board's `liveSequence` (as useLive does), and on each event does
 * what the client does: an event that carries the row (its selection reaches `BoardRow`) updates
 * the row on receipt; any other event refetches the board after the client's debounce, and the
 * row is updated when that answer arrives.
 */
class BoardViewer {
  private socket: WebSocket | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** The change being measured: its company, and when this viewer's row showed it. */
  private awaiting: { companyId: string; dirty: boolean } | null = null;
  updatedAt: number | null = null;
  refetches = 0;
  private inFlight = 0;
  errors: string[] = [];

  constructor(
    private readonly index: number,
    private readonly options: { wsUrl: string; http: Pool; cookie: string; plan: BoardClientPlan; programYearId: string },
  ) {}

  private async fetchBoard(): Promise<{ liveSequence?: number }> {
    const response = await this.options.http.request({
      path: '/graphql',
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: this.options.cookie },
      body: JSON.stringify({ query: this.options.plan.board.text, variables: { programYearId: this.options.programYearId, filter: {}, ...WHOLE_YEAR } }),
    });
    const answer = (await response.body.json()) as { data?: { liveSequence?: number }; errors?: unknown[] };
    if (answer.errors?.length || !answer.data) throw new Error(`board query: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    return answer.data;
  }

  async open(): Promise<void> {
    const { liveSequence } = await this.fetchBoard();
    await new Promise<void>((resolve, reject) => {
      const socket = new WebSocket(this.options.wsUrl, 'graphql-transport-ws', {
        headers: { cookie: this.options.cookie },
        perMessageDeflate: false,
      });
      this.socket = socket;
      const fail = (error: Error) => reject(new Error(`viewer ${this.index}: ${error.message}`));
      socket.once('error', fail);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
      socket.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as Frame;
        if (frame.type === 'connection_ack') {
          socket.off('error', fail);
          this.options.plan.subscriptions.forEach(({ operation }, i) => {
            const variables = { programYearId: this.options.programYearId, since: liveSequence ?? null, ...WHOLE_YEAR };
            socket.send(JSON.stringify({ id: String(i), type: 'subscribe', payload: { query: operation.text, operationName: operation.name, variables } }));
          });
          resolve();
        } else if (frame.type === 'next') {
          this.onEvent(Number(frame.id), (frame.payload as { data?: Record<string, unknown> }).data);
        } else if (frame.type === 'ping') {
          socket.send(JSON.stringify({ type: 'pong' }));
        } else if (frame.type === 'error' && this.errors.length < 5) {
          this.errors.push(JSON.stringify(frame.payload).slice(0, 300));
        }
      });
      socket.once('close', (code) => {
        if (code !== 1000 && code !== 1001 && this.errors.length < 5) this.errors.push(`closed ${code}`);
        fail(new Error(`closed ${code} before connection_ack`));
      });
    });
  }

  private onEvent(subscription: number, data: Record<string, unknown> | undefined): void {
    const at = now();
    const companyId = companyOf(data);
    const awaiting = this.awaiting;
    if (this.options.plan.subscriptions[subscription]?.applies) {
      if (awaiting && companyId === awaiting.companyId && this.updatedAt === null) this.updatedAt = at;
      return;
    }
    if (awaiting && companyId === awaiting.companyId) awaiting.dirty = true;
    // The client's `debounced(refetch, ms)`: each event restarts the wait.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const covers = this.awaiting?.dirty === true;
      this.refetches++;
      this.inFlight++;
      this.fetchBoard()
        .then(
          () => {
            if (covers && this.updatedAt === null) this.updatedAt = now();
          },
          (error: unknown) => this.errors.length < 5 && this.errors.push(error instanceof Error ? error.message : String(error)),
        )
        .finally(() => this.inFlight--);
    }, this.options.plan.refetchDebounceMs);
  }

  expect(companyId: string): void {
    this.awaiting = { companyId, dirty: false };
    this.updatedAt = null;
  }

  get idle(): boolean {
    return this.timer === null && this.inFlight === 0;
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.socket?.close(1000);
  }
}

export class BoardViewers {
  private constructor(
    private readonly viewers: BoardViewer[],
    private readonly http: Pool,
  ) {}

  static async open(options: {
    url: string;
    count: number;
    cookie(i: number): string;
    plan: BoardClientPlan;
    programYearId: string;
    connectConcurrency?: number;
  }): Promise<BoardViewers> {
    const http = new Pool(options.url, { connections: 64, keepAliveTimeout: 60_000 });
    const wsUrl = `${options.url.replace(/^http/, 'ws')}/graphql`;
    const viewers = Array.from({ length: options.count }, (_, i) => new BoardViewer(i, { wsUrl, http, cookie: options.cookie(i), plan: options.plan, programYearId: options.programYearId }));
    const group = new BoardViewers(viewers, http);
    let next = 0;
    const worker = async () => {
      while (next < viewers.length) await viewers[next++]!.open();
    };
    try {
      await Promise.all(Array.from({ length: Math.min(options.connectConcurrency ?? 16, viewers.length) }, worker));
    } catch (error) {
      await group.close();
      throw error;
    }
    return group;
  }

  expect(companyId: string): void {
    for (const viewer of this.viewers) viewer.expect(companyId);
  }

  /** Waits until every viewer's row shows the change (or the time is up); returns when each did. */
  async waitUpdated(timeoutMs: number): Promise<(number | null)[]> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && this.viewers.some((v) => v.updatedAt === null)) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.viewers.map((v) => v.updatedAt);
  }

  /** Waits for pending refetches (debounce timers) so the next change starts from quiet. */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (performance.now() < deadline && this.viewers.some((v) => !v.idle)) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  refetches(): number {
    return this.viewers.reduce((sum, v) => sum + v.refetches, 0);
  }

  errors(): string[] {
    return this.viewers.flatMap((v) => v.errors).slice(0, 10);
  }

  async close(): Promise<void> {
    for (const viewer of this.viewers) viewer.close();
    await this.http.close();
  }
}
