import type { Person } from '../../modules/people/index.ts';
import type { ProgramYear } from '../../modules/program/index.ts';
import { ExpertTeam, TeamMembership } from '../../modules/team/index.ts';
import type { SeedContext } from './seed-context.ts';
import { TEAMS, type TeamData } from './teams.data.ts';

export interface SeededTeam {
  data: TeamData;
  team: ExpertTeam;
  lead: Person;
  /** Every member, the lead first. */
  members: { person: Person; specialty: TeamData['members'][number]['specialty'] }[];
}

export function seedTeams({ em }: SeedContext, programYear: ProgramYear, accounts: Map<string, Person>): Map<number, SeededTeam> {
  const account = (key: string) => {
    const person = accounts.get(key);
    if (!person) throw new Error(`team member "${key}" is not an account`);
    return person;
  };
  const teams = new Map<number, SeededTeam>();
  for (const data of TEAMS) {
    const members = data.members.map((member) => ({ person: account(member.key), specialty: member.specialty }));
    const lead = (members[0] as (typeof members)[number]).person;
    const team = em.create(ExpertTeam, { programYear, name: data.name, focus: data.focus, lead });
    for (const member of members) em.create(TeamMembership, { team, person: member.person, specialty: member.specialty });
    teams.set(data.number, { data, team, lead, members });
  }
  return teams;
}
