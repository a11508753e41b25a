import { now } from '../load/clock.ts';
import WebSocket from 'ws';

export interface Subscription {
  query: string;
  variables: Record<string, unknown>;
}

export interface FleetOptions {
  /** ws://host:port/graphql */
  url: string;
  count: number;
  /** Cookie header of socket i (0-based): who the socket acts for. */
  cookie(i: number): string;
  subscription(i: number): Subscription;
  /** Handshakes in flight at once (a thundering herd measures the kernel, not the hub). */
  connectConcurrency?: number;
}

/** One received message: when it arrived and its raw frame, parsed only after the run. */
export interface Receipt {
  socket: number;
  at: number;
  data: Buffer;
}


/**
 * Many graphql-ws clients in one process, speaking the graphql-transport-ws protocol directly
 * over `ws` (no client library, no parsing on receipt) so that the client side adds as little as
 * possible to the latencies it measures. Each socket authenticates with its session cookie,
 * waits for connection_ack and subscribes once.
 */
export class Fleet {
  private receipts: Receipt[] = [];
  private recording = false;
  readonly errors: string[] = [];
  closedEarly = 0;

  private constructor(private readonly sockets: WebSocket[]) {}

  static async open(options: FleetOptions): Promise<Fleet> {
    const sockets: WebSocket[] = new Array(options.count);
    const fleet = new Fleet(sockets);
    let next = 0;
    const connectOne = (i: number) =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(options.url, 'graphql-transport-ws', {
          headers: { cookie: options.cookie(i) },
          perMessageDeflate: false,
          skipUTF8Validation: true,
        });
        sockets[i] = socket;
        const fail = (error: Error) => reject(new Error(`socket ${i}: ${error.message}`));
        socket.once('error', fail);
        socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: {} })));
        socket.on('message', (data: Buffer) => {
          if (fleet.recording) {
            fleet.receipts.push({ socket: i, at: now(), data });
            return;
          }
          const message = JSON.parse(data.toString('utf8')) as { type: string; payload?: unknown };
          if (message.type === 'connection_ack') {
            socket.off('error', fail);
            socket.on('error', (error) => fleet.errors.length < 20 && fleet.errors.push(error.message));
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: options.subscription(i) }));
            resolve();
          } else if (message.type === 'ping') {
            socket.send(JSON.stringify({ type: 'pong' }));
          } else if (message.type === 'error' && fleet.errors.length < 20) {
            fleet.errors.push(JSON.stringify(message.payload).slice(0, 300));
          }
        });
        socket.once('close', (code, reason) => {
          if (code !== 1000 && code !== 1001) {
            fleet.closedEarly++;
            if (fleet.errors.length < 20) fleet.errors.push(`socket ${i} closed ${code} ${reason.toString()}`);
          }
          fail(new Error(`closed ${code} before connection_ack`));
        });
      });
    const worker = async () => {
      while (next < options.count) await connectOne(next++);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(options.connectConcurrency ?? 100, options.count) }, worker));
    } catch (error) {
      fleet.close();
      throw error;
    }
    return fleet;
  }

  get size(): number {
    return this.sockets.length;
  }

  /** From now on, messages are only timestamped and kept (pings are not answered meanwhile). */
  record(): void {
    this.receipts = [];
    this.recording = true;
  }

  /** Stops recording and hands back what arrived, parsed. */
  take(): { socket: number; at: number; message: { type: string; id?: string; payload?: { data?: Record<string, unknown>; errors?: unknown[] } } }[] {
    this.recording = false;
    const receipts = this.receipts;
    this.receipts = [];
    return receipts.map((receipt) => ({ socket: receipt.socket, at: receipt.at, message: JSON.parse(receipt.data.toString('utf8')) }));
  }

  received(): number {
    return this.receipts.length;
  }

  close(): void {
    for (const socket of this.sockets) {
      if (socket && socket.readyState === WebSocket.OPEN) socket.close(1000);
      else socket?.terminate();
    }
  }
}
