import { Role } from '@ecohub/domain';
import type { Company } from '../../modules/company/index.ts';
import { Person } from '../../modules/people/index.ts';
import type { Organization } from '../../modules/program/index.ts';
import { ACCOUNTS, DEMO_LOGINS, GIVEN_NAMES, STAFF_TITLES, SURNAMES } from './people.data.ts';
import type { CompanyData } from './companies.data.ts';
import { SeedRandom } from './random.ts';
import type { SeedContext } from './seed-context.ts';
import type { OrganizationKey } from './seed-program.ts';

export interface FictionalName {
  name: string;
  nameEn: string;
  /** e.g. `minjun.kim`, for e-mail addresses. */
  handle: string;
}

/** Hands out distinct fictional Korean names, never one of the named accounts'. */
export class NameGenerator {
  private readonly used = new Set<string>([...ACCOUNTS, ...DEMO_LOGINS].map((account) => account.name));
  private readonly random = new SeedRandom('names');

  next(): FictionalName {
    for (;;) {
      const [surname, surnameEn] = this.random.pick(SURNAMES);
      const [given, givenEn] = this.random.pick(GIVEN_NAMES);
      const name = `${surname}${given}`;
      if (this.used.has(name)) continue;
      this.used.add(name);
      return { name, nameEn: `${surnameEn} ${givenEn}`, handle: `${givenEn.replace('-', '')}.${surnameEn}`.toLowerCase() };
    }
  }
}

/**
 * The host firm's, the city's and the sponsors' accounts, keyed as in people.data.ts. All of
 * them can sign in with the demo password, so any role can be tried.
 */
export function seedAccounts(
  { em }: SeedContext,
  organizations: Record<OrganizationKey, Organization>,
  passwordHash: string,
): Map<string, Person> {
  return new Map(
    ACCOUNTS.map((account) => [
      account.key,
      em.create(Person, {
        email: account.email,
        name: account.name,
        nameEn: account.nameEn,
        role: account.role,
        organization: account.organization ? organizations[account.organization] : null,
        jobTitle: account.jobTitle,
        phone: account.phone,
        specialties: account.specialties ?? [],
        passwordHash,
      }),
    ]),
  );
}

/**
 * Company staff of the selected companies. The first person of each company can sign in; the
 * second has no password yet (they would be invited).
 */
export function seedCompanyStaff(
  { em }: SeedContext,
  companies: { data: CompanyData; company: Company; staffNames: FictionalName[] }[],
  passwordHash: string,
): Map<Company, Person[]> {
  const random = new SeedRandom('staff');
  const staff = new Map<Company, Person[]>();
  for (const { data, company, staffNames } of companies) {
    const people = staffNames.map((person, index) =>
      em.create(Person, {
        email: `${person.handle}@${data.domain}`,
        name: person.name,
        nameEn: person.nameEn,
        role: Role.COMPANY_STAFF,
        company,
        jobTitle: random.pick(STAFF_TITLES),
        phone: `010-${random.int(2000, 9899)}-${random.int(1000, 9999)}`,
        passwordHash: index === 0 ? passwordHash : null,
      }),
    );
    staff.set(company, people);
  }
  return staff;
}
