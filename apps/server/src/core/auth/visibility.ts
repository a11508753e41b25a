import { CommentVisibility, EventKind, Role } from '@ecohub/domain';
import { scopeIncludes, sqlUuidArray, type CompanyScope, type SqlScope } from './access.ts';
import { can, mayRead, type DataKind } from './policy.ts';
import type { Viewer } from './viewer.ts';

/**
 * Who may see what, one rule per kind of record. Each rule exists twice in the same place: as a
 * predicate (live deliveries, checks of one record) and as SQL (lists, counts, the activity feed),
 * both built from the same audience, so a query and the live stream can never disagree.
 *
 * | record               | seen by                                                                      |
 * | history entry        | its stored audience (below), only by roles that read the work              |
 * | task, diagnosis, file | who sees the company's work; a file on a comment follows the comment        |
 * | comment              | who sees the company's comments; INTERNAL ones not by company staff          |
 * | event                | program-wide kinds: every signed-in person; site visits: managers, admins and who sees the work of an invited company |
 * | invitation           | who may see the invited company (its results)                                |
 * | attendance           | who sees the event and may read personal data: rows of a company's people only for who sees that company's people |
 * | notification         | its recipient, while they still see the company's work; what it points at per its kind (NOTIFICATION_TARGETS) |
 * | measure, participation, board row | who sees the company's results (observers included)            |
 */

/** To whom a history entry (and the live event written with it) is shown. */
export const AudienceScope = {
  /** Everyone in the program who reads the work (program-wide news, e.g. the kick-off). */
  PROGRAM: 'PROGRAM',
  /** Who sees the work of at least one of the listed companies (managers and admins always). */
  COMPANIES: 'COMPANIES',
  /** Program managers and admins only (teams, budgets, accounts without a company). */
  MANAGERS: 'MANAGERS',
} as const;
export type AudienceScope = (typeof AudienceScope)[keyof typeof AudienceScope];

export interface Audience {
  scope: AudienceScope;
  /** For COMPANIES; empty otherwise. */
  companyIds: string[];
  /** About an INTERNAL comment (or a file on one): not for who may not read internal comments. */
  internal: boolean;
}

export const audience = {
  program: (): Audience => ({ scope: AudienceScope.PROGRAM, companyIds: [], internal: false }),
  managers: (): Audience => ({ scope: AudienceScope.MANAGERS, companyIds: [], internal: false }),
  companies: (companyIds: readonly string[], options: { internal?: boolean } = {}): Audience => ({
    scope: AudienceScope.COMPANIES,
    companyIds: [...new Set(companyIds)],
    internal: options.internal ?? false,
  }),
  /** The default for a record of one company's work, or of the program's administration. */
  of: (companyId: string | null | undefined): Audience => (companyId ? audience.companies([companyId]) : audience.managers()),
};

/** Roles that see every record of the program, internal ones included. */
export function isManager(viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.role === Role.ADMIN || viewer.role === Role.PROGRAM_MANAGER);
}

/** Reads an audience back from an outbox payload or a row (anything malformed: managers only). */
export function parseAudience(value: unknown): Audience | null {
  if (!value || typeof value !== 'object') return null;
  const { scope, companyIds, internal } = value as Partial<Audience>;
  if (!Object.values(AudienceScope).includes(scope as AudienceScope)) return null;
  return {
    scope: scope as AudienceScope,
    companyIds: Array.isArray(companyIds) ? companyIds.filter((id): id is string => typeof id === 'string') : [],
    internal: internal === true,
  };
}

/**
 * The history rule: may this viewer see a record with this audience? `workScope` is the viewer's
 * current company scope for 'work' (access.ts).
 */
export function audienceAdmits(viewer: Viewer | null, target: Audience, workScope: CompanyScope): boolean {
  if (!viewer || !mayRead(viewer, 'work')) return false;
  if (target.internal && !can(viewer, 'comment.readInternal')) return false;
  if (isManager(viewer)) return true;
  switch (target.scope) {
    case AudienceScope.PROGRAM:
      return true;
    case AudienceScope.MANAGERS:
      return false;
    case AudienceScope.COMPANIES:
      return target.companyIds.some((id) => scopeIncludes(workScope, id));
  }
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

const NOTHING: SqlCondition = { sql: 'false', params: [] };
const EVERYTHING: SqlCondition = { sql: 'true', params: [] };

/** `audienceAdmits` in SQL, over an activity_entry row aliased `alias`. */
export function sqlAudienceCondition(viewer: Viewer | null, workScope: CompanyScope, alias: string): SqlCondition {
  if (!viewer || !mayRead(viewer, 'work')) return NOTHING;
  const internal = can(viewer, 'comment.readInternal') ? '' : ` and not ${alias}.audience_internal`;
  if (isManager(viewer)) return { sql: `(true${internal})`, params: [] };
  const companies = workScope === 'all' ? `${alias}.audience = '${AudienceScope.COMPANIES}'` : `(${alias}.audience = '${AudienceScope.COMPANIES}' and ${alias}.audience_company_ids && ?::uuid[])`;
  return {
    sql: `((${alias}.audience = '${AudienceScope.PROGRAM}' or ${companies})${internal})`,
    params: workScope === 'all' ? [] : [sqlUuidArray(workScope)],
  };
}

/* ---------------------------------------------------------------- events */

/** Gatherings for everyone in the program; the other kinds (site visits) concern their invited companies. */
export const PROGRAM_WIDE_EVENT_KINDS: readonly EventKind[] = [EventKind.KICKOFF, EventKind.WORKSHOP, EventKind.ECO_CLUB, EventKind.TRAINING];

export function isProgramWideEvent(kind: EventKind): boolean {
  return PROGRAM_WIDE_EVENT_KINDS.includes(kind);
}

/** The audience of an event's history: the program, or the companies it is held for. */
export function eventAudience(kind: EventKind, invitedCompanyIds: readonly string[]): Audience {
  return isProgramWideEvent(kind) ? audience.program() : audience.companies(invitedCompanyIds);
}

/**
 * Who sees an event: every signed-in person for a program-wide one; for a company-specific one,
 * managers, admins and who sees the work of an invited company (its staff and its team's experts).
 */
export function eventVisible(viewer: Viewer | null, kind: EventKind, invitedCompanyIds: readonly string[], workScope: CompanyScope): boolean {
  return eventAudienceAdmits(viewer, eventAudience(kind, invitedCompanyIds), workScope);
}

/**
 * `eventVisible` over an event's audience (`eventAudience`), as live events carry it: unlike a
 * history entry's, a program-wide event's audience admits every signed-in person (observers too).
 */
export function eventAudienceAdmits(viewer: Viewer | null, target: Audience, workScope: CompanyScope): boolean {
  if (!viewer) return false;
  if (target.scope === AudienceScope.PROGRAM || isManager(viewer)) return true;
  return target.scope === AudienceScope.COMPANIES && mayRead(viewer, 'work') && target.companyIds.some((id) => scopeIncludes(workScope, id));
}

/** `eventVisible` in SQL, over a program_event row aliased `alias`. */
export function sqlEventCondition(viewer: Viewer | null, workScope: CompanyScope, alias: string): SqlCondition {
  if (!viewer) return NOTHING;
  if (isManager(viewer)) return EVERYTHING;
  const programWide = `${alias}.kind in (${PROGRAM_WIDE_EVENT_KINDS.map((kind) => `'${kind}'`).join(', ')})`;
  if (!mayRead(viewer, 'work')) return { sql: programWide, params: [] };
  const invited =
    workScope === 'all'
      ? `exists (select 1 from program_event_invitee vi where vi.program_event_id = ${alias}.id)`
      : `exists (select 1 from program_event_invitee vi where vi.program_event_id = ${alias}.id and vi.company_id = any(?::uuid[]))`;
  return { sql: `(${programWide} or ${invited})`, params: workScope === 'all' ? [] : [sqlUuidArray(workScope)] };
}

/**
 * An attendance row is about its person's company when it has one (seen by who sees that
 * company), otherwise about the event alone (a consultant, an official, a guest).
 */
export function attendanceAudience(event: Audience, attendeeCompanyId: string | null): Audience {
  if (!attendeeCompanyId) return event;
  if (event.scope === AudienceScope.COMPANIES && !event.companyIds.includes(attendeeCompanyId)) return audience.managers();
  return audience.companies([attendeeCompanyId]);
}

/** Attendance lists name people: only for who may read personal data, within their 'people' scope. */
export function attendanceVisible(viewer: Viewer | null, attendeeCompanyId: string | null, peopleScope: CompanyScope): boolean {
  if (!can(viewer, 'personalData.read')) return false;
  return attendeeCompanyId === null || scopeIncludes(peopleScope, attendeeCompanyId);
}

/** `attendanceVisible` in SQL, over an attendance row aliased `alias` ('people' and 'work' scopes are the same companies). */
export function sqlAttendanceCondition(viewer: Viewer | null, workScope: CompanyScope, alias: string): SqlCondition {
  if (!can(viewer, 'personalData.read')) return NOTHING;
  if (workScope === 'all') return EVERYTHING;
  return { sql: `(${alias}.company_id is null or ${alias}.company_id = any(?::uuid[]))`, params: [sqlUuidArray(workScope)] };
}

/* ---------------------------------------------------------------- comments, files, notifications */

/** A comment's history and events: the company's, and internal ones not for company staff. */
export function commentAudience(companyId: string, visibility: CommentVisibility): Audience {
  return audience.companies([companyId], { internal: visibility !== CommentVisibility.SHARED });
}

/** Comment visibilities a viewer may read. */
export function readableCommentVisibilities(viewer: Viewer | null): CommentVisibility[] {
  return can(viewer, 'comment.readInternal') ? [CommentVisibility.SHARED, CommentVisibility.INTERNAL] : [CommentVisibility.SHARED];
}

/** A file follows what it is attached to: a comment's visibility, or its company's work. */
export function attachmentAudience(companyId: string, commentVisibility: CommentVisibility | null): Audience {
  return commentVisibility ? commentAudience(companyId, commentVisibility) : audience.companies([companyId]);
}

/** A notification: its recipient only, while they still see the company's work. */
export function notificationVisible(viewer: Viewer | null, recipientId: string, companyId: string | null, workScope: CompanyScope): boolean {
  if (!viewer || viewer.personId !== recipientId || !mayRead(viewer, 'work')) return false;
  return companyId === null || scopeIncludes(workScope, companyId);
}

/** `notificationVisible` in SQL, over a notification row aliased `alias`; `work` is the viewer's 'work' scope (access.ts). */
export function sqlNotificationCondition(viewer: Viewer | null, work: SqlScope, alias: string): SqlCondition {
  if (!viewer || !mayRead(viewer, 'work')) return NOTHING;
  const companies = work(`${alias}.company_id`);
  return { sql: `(${alias}.recipient_id = ? and (${alias}.company_id is null or ${companies.sql}))`, params: [viewer.personId, ...companies.params] };
}

/**
 * What a notification points at, and the kind of its company's data the viewer must still see
 * for it to show: access can be withdrawn after it was sent (a team change), and then the link
 * goes dark. A comment shows only in a visibility the viewer may read.
 */
export const NOTIFICATION_TARGETS = { task: 'work', comment: 'comments', measure: 'program-results', company: 'work' } as const satisfies Record<string, DataKind>;
export type NotificationTarget = keyof typeof NOTIFICATION_TARGETS;

/** Whether a notification's target shows; `scope` is the viewer's scope for the target's kind (NOTIFICATION_TARGETS). */
export function notificationTargetVisible(
  viewer: Viewer | null,
  companyId: string | null,
  scope: CompanyScope,
  commentVisibility: CommentVisibility | null = null,
): boolean {
  if (companyId === null || !scopeIncludes(scope, companyId)) return false;
  return commentVisibility === null || readableCommentVisibilities(viewer).includes(commentVisibility);
}

/**
 * `notificationTargetVisible` in SQL, over the notification row `alias` and the target row
 * `targetAlias`; `scope` as for the predicate.
 */
export function sqlNotificationTargetCondition(viewer: Viewer | null, target: NotificationTarget, scope: SqlScope, alias: string, targetAlias: string): SqlCondition {
  const companies = scope(`${alias}.company_id`);
  if (target !== 'comment') return { sql: `(${alias}.company_id is not null and ${companies.sql})`, params: companies.params };
  return {
    sql: `(${alias}.company_id is not null and ${companies.sql} and ${targetAlias}.visibility = any(?::text[]))`,
    // Visibilities are enum values: a plain array literal needs no quoting.
    params: [...companies.params, `{${readableCommentVisibilities(viewer).join(',')}}`],
  };
}
