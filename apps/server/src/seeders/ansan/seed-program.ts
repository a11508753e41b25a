import type { EntityManager } from '@mikro-orm/postgresql';
import { BudgetLine, Organization, Program, ProgramYear } from '../../modules/program/index.ts';
import { ORGANIZATIONS, PROGRAM, PROGRAM_YEARS, YEAR_ONE_BUDGET } from './program.data.ts';

export type OrganizationKey = keyof typeof ORGANIZATIONS;

export interface SeededProgram {
  program: Program;
  years: ProgramYear[];
  organizations: Record<OrganizationKey, Organization>;
}

export function seedProgram(em: EntityManager): SeededProgram {
  const organizations = Object.fromEntries(
    Object.entries(ORGANIZATIONS).map(([key, data]) => [key, em.create(Organization, data)]),
  ) as Record<OrganizationKey, Organization>;
  const program = em.create(Program, { ...PROGRAM, hostOrganization: organizations.host });
  const years = PROGRAM_YEARS.map((year) => em.create(ProgramYear, { ...year, program }));
  const yearOne = years[0] as ProgramYear;
  for (const line of YEAR_ONE_BUDGET) {
    em.create(BudgetLine, {
      programYear: yearOne,
      source: line.source,
      organization: line.organization ? organizations[line.organization] : null,
      label: line.label,
      plannedKrw: line.plannedKrw,
      spentKrw: line.spentKrw,
    });
  }
  return { program, years, organizations };
}
