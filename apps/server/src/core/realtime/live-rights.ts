import { createHash } from 'node:crypto';
import { CommentVisibility } from '@ecohub/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { companyScopeFor, scopeIncludes, type CompanyScope } from '../auth/access.ts';
import { can, mayRead, type DataKind } from '../auth/policy.ts';
import { audience, audienceAdmits, commentAudience, eventAudienceAdmits, notificationVisible, parseAudience, type Audience } from '../auth/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import { EventType } from './event-types.ts';
import { InFlight } from './in-flight.ts';
import { eventOf, type OutboxRecord } from './outbox-store.ts';

/** Every kind of data (the record makes the compiler list a new kind here too). */
const DATA_KINDS = Object.keys({ 'program-results': true, work: true, comments: true, people: true } satisfies Record<DataKind, true>) as DataKind[];

/**
 * What a live delivery reveals: a kind of company data, or program events ('events'), which follow
 * the event rule (visibility.ts) rather than a company scope.
 */
export type LiveKind = DataKind | 'events';

/**
 * The one check every live delivery passes: may this viewer receive this event now?
 *
 * Rights are the CURRENT ones (core/auth/access.ts), cached per viewer and data kind. The cache
 * is dropped when an `access.changed` event passes through the dispatcher; since that event is
 * ordered with all others, every event after a revocation is checked against the new rights.
 */
export class LiveRights {
  private scopes = new Map<string, Promise<CompanyScope>>();
  private classes = new Map<string, Promise<string>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly inFlight = new InFlight(),
  ) {}

  /** Called by the dispatcher for every event, before any subscription sees it. */
  observe(record: OutboxRecord): void {
    if (record.type === EventType.ACCESS_CHANGED) {
      this.scopes = new Map();
      this.classes = new Map();
    }
  }

  /**
   * `kind` is what the delivery reveals: a task move shows 'work', a board row
   * 'program-results', a calendar change 'events'. The decision is the record's visibility rule (core/auth/visibility.ts), the
   * same the queries apply in SQL: results follow the company's results scope; everything else
   * follows the audience the event carries (that of its history entry: a company's work, internal
   * comments, the whole program, managers only); notifications go to their recipient only, and
   * access changes to nobody.
   */
  async mayReceive(viewer: Viewer | null, record: OutboxRecord, kind: LiveKind): Promise<boolean> {
    if (kind === 'events') {
      // Who sees the event now (and saw it before a change that narrowed its audience), not the history entry's audience.
      const change = eventOf(record, [EventType.EVENT_CHANGED]);
      if (!viewer || !change) return false;
      const shownTo = (Array.isArray(change.payload.shownTo) ? change.payload.shownTo : []).map(parseAudience);
      const workScope = await this.scope(viewer, 'work');
      return shownTo.some((target) => target !== null && eventAudienceAdmits(viewer, target, workScope));
    }
    if (!viewer || !mayRead(viewer, kind)) return false;
    if (record.type === EventType.ACCESS_CHANGED) return false;
    if (record.type === EventType.NOTIFICATION_ADDED) {
      return record.recipientId !== null && notificationVisible(viewer, record.recipientId, record.companyId, await this.scope(viewer, 'work'));
    }
    if (record.recipientId !== null && record.recipientId !== viewer.personId) return false;
    if (kind === 'program-results') return record.companyId === null || scopeIncludes(await this.scope(viewer, kind), record.companyId);
    return audienceAdmits(viewer, recordAudience(record), await this.scope(viewer, 'work'));
  }

  /**
   * What the viewer's rights resolve to: per kind of data, the companies seen ('all' or the ids),
   * whether internal comments are readable, and whose personal data (everyone's in scope, or
   * only their own). Viewers with equal classes get equal answers from every field resolver, so
   * shared rendering keys on this, never on a role name.
   */
  renderingClass(viewer: Viewer | null): Promise<string> {
    if (!viewer) return Promise.resolve('anonymous');
    // Asked for every subscriber of every event: computed once per viewer until access changes.
    const key = `${viewer.personId}:${viewer.role}:${viewer.companyId ?? ''}`;
    let known = this.classes.get(key);
    if (!known) {
      const classes = this.classes;
      known = this.computeClass(viewer);
      known.catch(() => classes.get(key) === known && classes.delete(key));
      classes.set(key, known);
    }
    return known;
  }

  private async computeClass(viewer: Viewer): Promise<string> {
    const scopes = await Promise.all(
      DATA_KINDS.map(async (kind) => {
        const scope = await this.scope(viewer, kind);
        return `${kind}=${scope === 'all' ? '*' : [...scope].sort().join(',')}`;
      }),
    );
    const internal = can(viewer, 'comment.readInternal') ? 'internal' : 'shared';
    const personal = can(viewer, 'personalData.read') ? 'personal' : `own:${viewer.personId}`;
    return createHash('sha1').update([...scopes, internal, personal].join('|')).digest('base64url');
  }

  /** The viewer's current company scope for a kind of data (cached until access changes). */
  scope(viewer: Viewer, kind: DataKind): Promise<CompanyScope> {
    const key = `${viewer.personId}:${viewer.role}:${kind}`;
    let scope = this.scopes.get(key);
    if (!scope) {
      const scopes = this.scopes;
      scope = this.inFlight.track(companyScopeFor(this.orm.em.fork({ useContext: false }), viewer, kind));
      // A failed read (database down) must not stick: the next event asks again.
      scope.catch(() => scopes.get(key) === scope && scopes.delete(key));
      scopes.set(key, scope);
    }
    return scope;
  }
}

const COMMENT_EVENTS = [EventType.COMMENT_ADDED, EventType.COMMENT_EDITED, EventType.COMMENT_DELETED];

/**
 * The audience an event carries (written with its history entry). Events written before audiences
 * existed, or without a history entry, fall back to the rule for their kind of record.
 */
function recordAudience(record: OutboxRecord): Audience {
  const carried = parseAudience(record.payload.audience);
  if (carried) return carried;
  const comment = eventOf(record, COMMENT_EVENTS);
  if (comment) {
    return comment.companyId ? commentAudience(comment.companyId, comment.payload.visibility === CommentVisibility.SHARED ? CommentVisibility.SHARED : CommentVisibility.INTERNAL) : audience.managers();
  }
  return audience.of(record.companyId);
}
