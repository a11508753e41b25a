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
