import { createHash } from 'node:crypto';
import { CommentVisibility } from '@ecohub/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { companyScopeFor, scopeIncludes, type CompanyScope } from '../auth/access.ts';
import { can, mayRead, type DataKind } from '../auth/policy.ts';
import type { Viewer } from '../auth/viewer.ts';
import { EventType } from './event-types.ts';
import { InFlight } from './in-flight.ts';
import { eventOf, type OutboxRecord } from './outbox-store.ts';

/** Every kind of data (the record makes the compiler list a new kind here too). */
const DATA_KINDS = Object.keys({ 'program-results': true, work: true, comments: true, people: true } satisfies Record<DataKind, true>) as DataKind[];

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
   * 'program-results'. Comment events additionally follow the comment's visibility, personal
   * events (notifications) go to their recipient only (and only while they still see the
   * company), and access changes to nobody.
   */
  async mayReceive(viewer: Viewer | null, record: OutboxRecord, kind: DataKind): Promise<boolean> {
    if (!viewer || !mayRead(viewer, kind)) return false;
    if (record.type === EventType.ACCESS_CHANGED) return false;
    if (record.recipientId !== null && record.recipientId !== viewer.personId) return false;
    if (isInternalComment(record) && !can(viewer, 'comment.readInternal')) return false;
    if (record.companyId === null) return true;
    return scopeIncludes(await this.scope(viewer, kind), record.companyId);
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

function isInternalComment(record: OutboxRecord): boolean {
  const comment = eventOf(record, COMMENT_EVENTS);
  return comment !== null && comment.payload.visibility !== CommentVisibility.SHARED;
}
