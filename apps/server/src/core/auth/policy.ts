import { type DataKind, mayGrantRole, Role, roleMayRead } from '@ecohub/domain';

export type { DataKind };
import type { Viewer } from './viewer.ts';

/**
 * Who may do what, in one place. Role rules answer "may this kind of person ever do X";
 * data rules (which companies) live in access.ts and are applied in SQL where data is read.
 *
 * | role            | sees                                            | may change                                   |
 * | ADMIN           | everything                                      | everything, people and roles                 |
 * | PROGRAM_MANAGER | everything in their programs                    | programs, years, budgets, participations, teams, events |
 * | EXPERT          | companies assigned to their teams, aggregates   | diagnoses, measures, tasks, comments there   |
 * | COMPANY_STAFF   | own company; only comments shared with it       | comments; status of tasks assigned to them; own profile |
 * | OBSERVER        | program boards and KPIs; no comments/personal data | nothing                                   |
 * | anonymous       | public overview: programs, years, budget totals, aggregate KPIs | nothing                       |
 */
export type Action =
  | 'program.manage'
  | 'participation.manage'
  | 'team.manage'
  | 'event.manage'
  | 'company.manage'
  | 'person.manage'
  | 'role.manage'
  | 'work.write'
  | 'task.changeStatus'
  | 'comment.write'
  | 'comment.readInternal'
  /** Delete anyone's comment (authors delete their own). */
  | 'comment.moderate'
  /** Attach files to tasks and to one's own comments (measures and diagnoses need work.write). */
  | 'attachment.add'
  | 'personalData.read'
  | 'profile.update'
  /** Answer a follow-up request about a company's measures (its staff, or its experts for them). */
  | 'followUp.answer'
  /** Confirm a company's follow-up answer with verified figures. */
  | 'followUp.verify'
  /** Reuse another company's measure from the library as a draft. */
  | 'library.reuse'
  /** See the figures of library entries from companies outside one's scope (without their identity). */
  | 'library.readFigures'
  /** Read every mail the hub sent or keeps (the outbox page). */
  | 'mail.outbox';

const MANAGERS: readonly Role[] = [Role.ADMIN, Role.PROGRAM_MANAGER];

const ACTION_ROLES: Record<Action, readonly Role[]> = {
  'program.manage': MANAGERS,
  'participation.manage': MANAGERS,
  'team.manage': MANAGERS,
  'event.manage': MANAGERS,
  'company.manage': MANAGERS,
  'person.manage': [Role.ADMIN, Role.PROGRAM_MANAGER],
  'role.manage': [Role.ADMIN],
  'work.write': [...MANAGERS, Role.EXPERT],
  'task.changeStatus': [...MANAGERS, Role.EXPERT, Role.COMPANY_STAFF],
  'comment.write': [...MANAGERS, Role.EXPERT, Role.COMPANY_STAFF],
  'comment.readInternal': [...MANAGERS, Role.EXPERT],
  'comment.moderate': MANAGERS,
  'attachment.add': [...MANAGERS, Role.EXPERT, Role.COMPANY_STAFF],
  'personalData.read': [...MANAGERS, Role.EXPERT, Role.COMPANY_STAFF],
  'profile.update': [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF, Role.OBSERVER],
  'followUp.answer': [...MANAGERS, Role.EXPERT, Role.COMPANY_STAFF],
  'followUp.verify': [...MANAGERS, Role.EXPERT],
  'library.reuse': [...MANAGERS, Role.EXPERT],
  'library.readFigures': [...MANAGERS, Role.OBSERVER, Role.EXPERT],
  'mail.outbox': [Role.ADMIN],
};

/**
 * Library aggregates over fewer companies than this are shown without figures to viewers who
 * may not read other companies' figures: a median over one company is that company's figure.
 */
export const LIBRARY_MIN_COMPANIES = 3;

export function can(viewer: Viewer | null, action: Action): boolean {
  return viewer !== null && ACTION_ROLES[action].includes(viewer.role);
}

export function mayRead(viewer: Viewer | null, kind: DataKind): boolean {
  return viewer !== null && roleMayRead(viewer.role, kind);
}

/** Roles that see every company (within what their role may read at all). */
export function seesAllCompanies(viewer: Viewer): boolean {
  return viewer.role === Role.ADMIN || viewer.role === Role.PROGRAM_MANAGER || viewer.role === Role.OBSERVER;
}

/**
 * Whose account a viewer may invite, disable or enable: admins anyone's, program managers
 * everyone's but an admin's. Nobody acts on their own account here (no self-lockout).
 */
export function mayManageAccount(viewer: Viewer, target: { personId: string | null; role: Role }): boolean {
  if (!can(viewer, 'person.manage') || target.personId === viewer.personId) return false;
  return mayGrantRole(viewer.role, target.role);
}
