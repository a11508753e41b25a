import { ParticipationStatus, Role } from '@ecohub/domain';
import { Company } from '../../modules/company/index.ts';
import { Participation } from '../../modules/participation/index.ts';
import type { ProgramYear } from '../../modules/program/index.ts';
import { businessNumber } from './business-number.ts';
import { COMPANIES, type CompanyData } from './companies.data.ts';
import { addDays, workingDay } from './dates.ts';
import { demoLogin } from './people.data.ts';
import { SeedRandom } from './random.ts';
import type { SeedContext } from './seed-context.ts';
import type { FictionalName, NameGenerator } from './seed-people.ts';
import type { SeededTeam } from './seed-teams.ts';

export interface SeededCompany {
  data: CompanyData;
  company: Company;
  participation: Participation;
  /** Set for the 20 selected companies. */
  team: SeededTeam | null;
  /** Names for the staff accounts (selected companies only), the contact first. */
  staffNames: FictionalName[];
  /** The company of the COMPANY_STAFF demo login: its data shows every status. */
  isDemo: boolean;
}

/** The report's calendar: public call in August, on-site initial diagnoses and the review in September. */
const CALL_OPENED = '2012-08-13';
const DIAGNOSES_STARTED = '2012-09-03';
const SELECTION_ANNOUNCED = '2012-09-27';
const AGREEMENTS_FROM = '2012-11-12';
const KICKOFF = '2012-11-22';

/**
 * Applicants and their participation in year 1: selected companies are active (agreements were
 * handed over at the kick-off), the others stopped after the initial diagnosis.
 */
export function seedCompanies(
  { em }: SeedContext,
  programYear: ProgramYear,
  teams: Map<number, SeededTeam>,
  names: NameGenerator,
): SeededCompany[] {
  const random = new SeedRandom('companies');
  const demoStaff = demoLogin(Role.COMPANY_STAFF);
  const serials = new Set<number>();
  const demoCompany = COMPANIES.find((data) => demoStaff.email.endsWith(`@${data.domain}`));
  if (demoCompany?.outcome !== 'selected') throw new Error('the demo staff login must belong to a selected company');
  if (teams.get(demoCompany.team ?? 0)?.lead.email !== demoLogin(Role.EXPERT).email) {
    throw new Error('the expert demo login must lead the team that serves the demo company');
  }
  return COMPANIES.map((data) => {
    let serial: number;
    do serial = random.int(1, 9999);
    while (serials.has(serial));
    serials.add(serial);

    const isDemoCompany = data === demoCompany;
    const staffNames: FictionalName[] = [];
    if (data.outcome === 'selected') {
      const count = data.staffCount ?? 1;
      if (isDemoCompany) staffNames.push({ name: demoStaff.name, nameEn: demoStaff.nameEn, handle: demoStaff.email.split('@')[0] as string });
      while (staffNames.length < count) staffNames.push(names.next());
    }
    const contact = staffNames[0] ?? names.next();
    const company = em.create(Company, {
      nameKo: data.nameKo,
      nameEn: data.nameEn,
      businessNumber: businessNumber(data.registrationKind, serial),
      industryCode: data.industryCode,
      industryLabel: data.industryLabel,
      industrialComplex: data.complex,
      address: data.address,
      employees: data.employees,
      ceoName: names.next().name,
      contactName: contact.name,
      contactEmail: `${contact.handle}@${data.domain}`,
      contactPhone: `031-${random.int(480, 499)}-${random.int(1000, 9999)}`,
    });

    const appliedOn = workingDay(addDays(CALL_OPENED, random.int(0, 17)));
    const initiallyDiagnosedOn = workingDay(addDays(DIAGNOSES_STARTED, random.int(0, 16)));
    const team = data.team ? (teams.get(data.team) ?? null) : null;
    const participation = em.create(Participation, {
      programYear,
      company,
      appliedOn,
      initiallyDiagnosedOn,
      note: data.note ?? null,
      ...stages(data, random, team, initiallyDiagnosedOn),
    });
    return { data, company, participation, team, staffNames, isDemo: isDemoCompany };
  });
}

function stages(data: CompanyData, random: SeedRandom, team: SeededTeam | null, initiallyDiagnosedOn: string) {
  switch (data.outcome) {
    case 'selected': {
      if (!team) throw new Error(`${data.nameKo} is selected but has no team`);
      const agreementSignedOn = workingDay(addDays(AGREEMENTS_FROM, random.int(0, 9)));
      return {
        status: ParticipationStatus.ACTIVE,
        team: team.team,
        contributionKrw: data.contributionKrw ?? 0,
        selectedOn: SELECTION_ANNOUNCED,
        agreementSignedOn: agreementSignedOn > KICKOFF ? KICKOFF : agreementSignedOn,
        activeOn: workingDay(addDays(KICKOFF, random.int(4, 14))),
      };
    }
    case 'notSelected':
      return { status: ParticipationStatus.NOT_SELECTED, notSelectedOn: SELECTION_ANNOUNCED };
    case 'withdrawn':
      return { status: ParticipationStatus.WITHDRAWN, withdrawnOn: workingDay(addDays(initiallyDiagnosedOn, 3)) };
  }
}
