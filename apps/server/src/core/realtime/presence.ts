import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.ts';
import type { PresenceBus } from './presence-bus.ts';

/** What a person is doing on a page, in increasing order of activity. */
export const PRESENCE_STATES = ['VIEWING', 'EDITING', 'TYPING'] as const;
export type PresenceStateName = (typeof PRESENCE_STATES)[number];

export interface PresentPersonData {
  personId: string;
  name: string;
  state: PresenceStateName;
}

export interface PresenceOptions {
  /** An entry not refreshed for this long is gone (default 25 s: with the 1 s sweep, within 30 s). */
  ttlMs?: number;
  /** How often this instance refreshes its open subscriptions' entries on the bus (default 8 s). */
  heartbeatMs?: number;
}

interface Entry extends PresentPersonData {
  expiresAt: number;
}

type Message =
  | { op: 'up'; key: string; topic: string; personId: string; name: string; state: PresenceStateName; ttlMs: number }
  | { op: 'down'; key: string; topic: string };

/**
 * Who is on which page, across instances, held in memory only (never in the outbox or history).
 * Each open `presence` subscription is an entry kept fresh by this instance's heartbeat; a
 * `reportPresence` call is an entry that lives for one TTL unless reported again. Every instance
 * keeps every entry it hears of and drops those whose heartbeat stopped (a crashed instance, a
 * lost message) after the TTL; a subscription that ends says so at once.
 */
export class Presence {
  private readonly instanceId = randomUUID();
  private readonly ttlMs: number;
  private readonly heartbeatMs: number;
  private readonly entries = new Map<string, Map<string, Entry>>();
  private readonly held = new Map<string, Extract<Message, { op: 'up' }>>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: PresenceBus,
    private readonly logger: Logger,
    options: PresenceOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 25_000;
    this.heartbeatMs = options.heartbeatMs ?? 8_000;
  }

  async start(): Promise<void> {
    await this.bus.start((payload) => this.receive(payload));
    this.heartbeat = setInterval(() => {
      for (const message of this.held.values()) this.send(message);
    }, this.heartbeatMs);
    this.sweeper = setInterval(() => this.sweep(), Math.min(1_000, this.ttlMs / 4));
    this.heartbeat.unref();
    this.sweeper.unref();
  }

  /**
   * The people on a topic, one line each with their most active state, by name. Only people with
   * an open subscription are on it: a report alone (its tab closed) shows nobody.
   */
  people(topic: string): PresentPersonData[] {
    const entries = [...(this.entries.get(topic)?.entries() ?? [])];
    const watching = new Set(entries.filter(([key]) => !key.includes(':report:')).map(([, entry]) => entry.personId));
    const byPerson = new Map<string, PresentPersonData>();
    for (const [, entry] of entries) {
      if (!watching.has(entry.personId)) continue;
      const known = byPerson.get(entry.personId);
      if (!known || PRESENCE_STATES.indexOf(entry.state) > PRESENCE_STATES.indexOf(known.state)) {
        byPerson.set(entry.personId, { personId: entry.personId, name: entry.name, state: entry.state });
      }
    }
    return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name) || a.personId.localeCompare(b.personId));
  }

  /**
   * A person reports what they do on a topic: EDITING or TYPING lives one TTL unless reported
   * again; VIEWING ends the report at once (their open subscription still shows them).
   */
  report(topic: string, person: { personId: string; name: string }, state: PresenceStateName): void {
    const key = `report:${person.personId}`;
    if (state === 'VIEWING') this.send({ op: 'down', key, topic });
    else this.send({ op: 'up', key, topic, ...person, state, ttlMs: this.ttlMs });
  }

  /**
   * Holds the person on the topic while the returned iterator is open (VIEWING), yielding the
   * topic's people whenever they change (the latest list only: a slow reader skips stale ones).
   */
  watch(topic: string, person: { personId: string; name: string }): AsyncIterableIterator<PresentPersonData[]> {
    const key = `watch:${randomUUID()}`;
    const message = { op: 'up' as const, key, topic, ...person, state: 'VIEWING' as const, ttlMs: this.ttlMs };
    let last = '';
    let pending: PresentPersonData[] | null = null;
    let wake: (() => void) | null = null;
    let done = false;
    const changed = () => {
      const people = this.people(topic);
      const text = JSON.stringify(people);
      if (text === last) return;
      last = text;
      pending = people;
      wake?.();
    };
    const listeners = this.listeners.get(topic) ?? new Set();
    this.listeners.set(topic, listeners);
    listeners.add(changed);
    this.held.set(key, message);
    this.send(message);
    const finish = () => {
      if (done) return;
      done = true;
      listeners.delete(changed);
      if (listeners.size === 0) this.listeners.delete(topic);
      this.held.delete(key);
      this.send({ op: 'down', key, topic });
      wake?.();
    };
    const iterator: AsyncIterableIterator<PresentPersonData[]> = {
      next: async () => {
        while (!done && !pending) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (done) return { done: true, value: undefined };
        const value = pending!;
        pending = null;
        return { done: false, value };
      },
      return: async () => {
        finish();
        return { done: true, value: undefined };
      },
      throw: async (error: unknown) => {
        finish();
        throw error;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  /** Applied here at once, then told to the other instances. */
  private send(message: Message): void {
    const scoped = { ...message, key: `${this.instanceId}:${message.key}` };
    this.apply(scoped);
    this.bus.publish(JSON.stringify({ ...scoped, from: this.instanceId }));
  }

  private receive(payload: string): void {
    try {
      const message = JSON.parse(payload) as Message & { from: string };
      if (message.from !== this.instanceId) this.apply(message);
    } catch (error) {
      this.logger.warn({ err: error }, 'unreadable presence message');
    }
  }

  private apply(message: Message): void {
    const topic = this.entries.get(message.topic) ?? new Map<string, Entry>();
    if (message.op === 'up') {
      const { personId, name, state } = message;
      topic.set(message.key, { personId, name, state, expiresAt: Date.now() + message.ttlMs });
      this.entries.set(message.topic, topic);
    } else if (!topic.delete(message.key)) {
      return;
    }
    if (topic.size === 0) this.entries.delete(message.topic);
    this.notify(message.topic);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [name, topic] of this.entries) {
      let removed = false;
      for (const [key, entry] of topic) {
        if (entry.expiresAt <= now) removed = topic.delete(key) || removed;
      }
      if (topic.size === 0) this.entries.delete(name);
      if (removed) this.notify(name);
    }
  }

  private notify(topic: string): void {
    for (const listener of this.listeners.get(topic) ?? []) listener();
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.sweeper) clearInterval(this.sweeper);
    await this.bus.close();
  }
}
