export const Role = {
  ADMIN: 'ADMIN',
  PROGRAM_MANAGER: 'PROGRAM_MANAGER',
  EXPERT: 'EXPERT',
  COMPANY_STAFF: 'COMPANY_STAFF',
  OBSERVER: 'OBSERVER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

export const Specialty = {
  WASTEWATER: 'WASTEWATER',
  ENERGY: 'ENERGY',
  CHEMICALS: 'CHEMICALS',
  AIR: 'AIR',
  PROCESS: 'PROCESS',
  MANAGEMENT: 'MANAGEMENT',
} as const;
export type Specialty = (typeof Specialty)[keyof typeof Specialty];
export const SPECIALTIES = Object.values(Specialty);

/** Who may give a role (invite to it or change to it), among those who manage people: only admins make admins. */
export function mayGrantRole(granter: Role, role: Role): boolean {
  return granter === Role.ADMIN || role !== Role.ADMIN;
}

/** The kinds of company data, each with its own audience. */
export type DataKind =
  /** Companies, participations, board rows, measures, events: the program's results. */
  | 'program-results'
  /** Diagnoses, tasks, attachments, activity: the consulting work itself. */
  | 'work'
  /** Comments on tasks. Staff additionally see only SHARED ones. */
  | 'comments'
  /** People of the companies and teams. */
  | 'people';

const READERS: Record<DataKind, readonly Role[]> = {
  'program-results': [Role.ADMIN, Role.PROGRAM_MANAGER, Role.OBSERVER, Role.EXPERT, Role.COMPANY_STAFF],
  work: [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF],
  comments: [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF],
  people: [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT, Role.COMPANY_STAFF],
};

/**
 * Whether a role may ever read a kind of data (which companies is decided where data is read).
 * The server enforces it; the client reads the same rule to say "not shown to your role" rather
 * than show an empty list.
 */
export function roleMayRead(role: Role, kind: DataKind): boolean {
  return READERS[kind].includes(role);
}
