import { ParticipationStatus } from '@ecohub/domain';
import { badInput, conflict } from '../../core/errors.ts';
import { findRecord } from '../../core/database/records.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { creationDiff } from '../activity/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam, TeamMembership } from '../team/index.ts';
import { Participation } from './participation.entity.ts';
import type { ContinueProgramYearInput } from './participation.inputs.ts';

/** Companies that finished (or are still in) the earlier year continue; the rest do not. */
const CONTINUING: readonly ParticipationStatus[] = [ParticipationStatus.ACTIVE, ParticipationStatus.COMPLETED];

/**
 * Sets up year N+1 from year N in one transaction: the teams (lead, members, specialties) and the
 * continuing companies, each SELECTED on the new year's first day and assigned to its team's copy.
 * The new year must be empty, so running it twice cannot duplicate anything.
 */
export async function continueProgramYear(ctx: UnitOfWork, input: ContinueProgramYearInput): Promise<ProgramYear> {
  return inTransaction(ctx, async (em, changes) => {
    const year = await findRecord(em, ProgramYear, input.programYearId, 'ProgramYear');
    const from = await findRecord(em, ProgramYear, input.fromYearId, 'ProgramYear');
    if (from.program.id !== year.program.id || from.number >= year.number) {
      const message = 'fromYearId must be an earlier year of the same program';
      throw badInput(message, [{ field: 'fromYearId', rule: 'notAnEarlierYear', message }]);
    }
    if ((await em.count(ExpertTeam, { programYear: year.id })) || (await em.count(Participation, { programYear: year.id }))) {
      throw conflict(`Year ${year.number} already has teams or participants; it can only be set up while empty`);
    }
    const copies = new Map<string, ExpertTeam>();
    if (input.copyTeams) {
      const teams = await em.find(ExpertTeam, { programYear: from.id }, { populate: ['memberships'], orderBy: { name: 'asc' } });
      for (const team of teams) {
        const copy = em.create(ExpertTeam, { programYear: year, name: team.name, focus: team.focus, lead: team.lead });
        for (const membership of team.memberships) {
          em.create(TeamMembership, { team: copy, person: membership.person, specialty: membership.specialty });
        }
        copies.set(team.id, copy);
        changes.record({
          action: 'expertTeam.created',
          entityType: 'ExpertTeam',
          entityId: copy.id,
          programYearId: year.id,
          summary: `Team ${copy.name} carried over from year ${from.number}`,
          diff: creationDiff({ name: copy.name, focus: copy.focus, lead: copy.lead?.id, members: team.memberships.length }),
        });
      }
    }
    let continued = 0;
    const companiesByTeam = new Map<string, string[]>();
    if (input.continueCompanies) {
      const earlier = await em.find(
        Participation,
        { programYear: from.id, status: { $in: [...CONTINUING] } },
        { populate: ['company'], orderBy: { appliedOn: 'asc', id: 'asc' } },
      );
      for (const previous of earlier) {
        if (previous.company.getEntity().archivedAt) continue;
        const team = previous.team ? (copies.get(previous.team.id) ?? null) : null;
        const values = {
          status: ParticipationStatus.SELECTED,
          appliedOn: year.startsOn,
          selectedOn: year.startsOn,
          note: `Continuing from year ${from.number}`,
        };
        const participation = em.create(Participation, { ...values, company: previous.company, programYear: year, team });
        const ids = { companyId: previous.company.id, programYearId: year.id };
        changes.record(
          {
            action: 'participation.created',
            entityType: 'Participation',
            entityId: participation.id,
            summary: `${previous.company.getEntity().nameKo} continues into year ${year.number}`,
            diff: creationDiff({ ...values, team: team?.id }),
            ...ids,
          },
          { type: EventType.PARTICIPATION_CREATED, ...ids },
        );
        if (team) companiesByTeam.set(team.id, [...(companiesByTeam.get(team.id) ?? []), previous.company.id]);
        continued++;
      }
    }
    // The copied teams' experts gain rights over their continuing companies: live rights are re-read.
    for (const copy of copies.values()) {
      const personIds = [copy.lead?.id ?? null, ...copy.memberships.getItems().map((m) => m.person.id)].filter((id): id is string => id !== null);
      if (!personIds.length) continue;
      changes.publish({
        type: EventType.ACCESS_CHANGED,
        entityId: copy.id,
        programYearId: year.id,
        payload: { teamId: copy.id, companyIds: [...(companiesByTeam.get(copy.id) ?? [])], personIds },
      });
    }
    changes.record({
      action: 'programYear.continued',
      entityType: 'ProgramYear',
      entityId: year.id,
      programYearId: year.id,
      summary: `Year ${year.number} set up from year ${from.number}: ${copies.size} teams, ${continued} continuing companies`,
      diff: { fromYear: { from: null, to: from.number }, teams: { from: null, to: copies.size }, companies: { from: null, to: continued } },
    });
    return year;
  });
}
