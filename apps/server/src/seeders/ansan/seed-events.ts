import { Attendance, ProgramEvent } from '../../modules/event/index.ts';
import type { Person } from '../../modules/people/index.ts';
import type { ProgramYear } from '../../modules/program/index.ts';
import { seoulTime } from './dates.ts';
import { EVENTS, type EventData } from './events.data.ts';
import { SeedRandom } from './random.ts';
import type { SeededCompany } from './seed-companies.ts';
import type { SeedContext } from './seed-context.ts';
import type { SeededTeam } from './seed-teams.ts';

/**
 * Year 1's events with their invitations and attendance: each invited company's contact (some
 * registered but did not come), CEOs as named guests, consultants, managers, officials, guests.
 */
export function seedEvents(
  { em }: SeedContext,
  programYear: ProgramYear,
  companies: SeededCompany[],
  teams: Map<number, SeededTeam>,
  accounts: Map<string, Person>,
  staffOf: (seeded: SeededCompany) => Person[],
): { events: ProgramEvent[]; attendances: Attendance[] } {
  const random = new SeedRandom('events');
  const events: ProgramEvent[] = [];
  const attendances: Attendance[] = [];
  for (const data of EVENTS) {
    const invited = invitedCompanies(data, companies);
    const event = em.create(ProgramEvent, {
      programYear,
      kind: data.kind,
      title: data.title,
      description: data.description,
      venue: data.venue,
      startsAt: seoulTime(data.date, data.startsAt),
      endsAt: seoulTime(data.date, data.endsAt),
      invitedCompanies: invited.map((seeded) => seeded.company),
    });
    events.push(event);
    const attend = (fields: Partial<Pick<Attendance, 'guestName' | 'guestAffiliation' | 'attended'>> & { person?: Person; company?: SeededCompany }) =>
      attendances.push(
        em.create(Attendance, {
          event,
          person: fields.person ?? null,
          company: fields.company?.company ?? null,
          guestName: fields.guestName ?? null,
          guestAffiliation: fields.guestAffiliation ?? null,
          attended: fields.attended ?? true,
        }),
      );

    for (const seeded of share(invited, data.staffShare, random)) {
      const contact = staffOf(seeded)[0];
      const attended = !random.chance(data.noShowShare);
      // Applicants outside the program have no accounts: their contact comes as a named guest.
      if (contact) attend({ person: contact, company: seeded, attended });
      else attend({ company: seeded, guestName: seeded.company.contactName, guestAffiliation: `${seeded.company.nameKo} 실무자`, attended });
    }
    for (const seeded of share(invited, data.ceoShare, random)) {
      attend({ company: seeded, guestName: seeded.company.ceoName, guestAffiliation: `${seeded.company.nameKo} 대표이사` });
    }
    const people = new Set<Person>([...experts(data, teams), ...data.accounts.map((key) => account(accounts, key))]);
    for (const person of people) attend({ person });
    for (const guest of data.guests) attend({ guestName: guest.name, guestAffiliation: guest.affiliation });
  }
  return { events, attendances };
}

function invitedCompanies(data: EventData, companies: SeededCompany[]): SeededCompany[] {
  if (data.only) return companies.filter((seeded) => seeded.data.nameKo === data.only);
  return companies.filter(
    (seeded) =>
      (seeded.team !== null && (data.teams === 'all' || data.teams.includes(seeded.team.data.number))) ||
      (data.alsoInvited ?? []).includes(seeded.data.nameKo),
  );
}

/** A fixed share of the list (rounded), chosen at random. */
function share<T>(items: T[], fraction: number, random: SeedRandom): T[] {
  return random.shuffle(items).slice(0, Math.round(items.length * fraction));
}

function experts(data: EventData, teams: Map<number, SeededTeam>): Person[] {
  const chosen = [...teams.values()].filter((team) => data.teams === 'all' || data.teams.includes(team.data.number));
  switch (data.experts) {
    case 'none':
      return [];
    case 'leads':
      return chosen.map((team) => team.lead);
    case 'teams':
      return chosen.flatMap((team) => team.members.map((m) => m.person));
    case 'all':
      return [...teams.values()].flatMap((team) => team.members.map((m) => m.person));
  }
}

function account(accounts: Map<string, Person>, key: string): Person {
  const person = accounts.get(key);
  if (!person) throw new Error(`event attendee "${key}" is not an account`);
  return person;
}
