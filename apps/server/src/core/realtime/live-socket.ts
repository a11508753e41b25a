/** What a live subscription may do to the socket it runs on. */
export interface LiveSocket {
  /** Closes the socket (all its subscriptions) with a close code the client acts on. */
  close(code: number, reason: string): void;
  /** Drops the connection without a closing handshake (a client that no longer reads). */
  terminate(): void;
}

const sockets = new WeakMap<object, LiveSocket>();

/** Ties an operation's context to its socket (websocket-server.ts does this for every operation). */
export function bindSocket(context: object, socket: LiveSocket): void {
  sockets.set(context, socket);
}

/** The socket an operation runs on; undefined over HTTP. */
export function socketOf(context: object): LiveSocket | undefined {
  return sockets.get(context);
}
