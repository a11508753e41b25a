import { Role, Validator } from '@ecohub/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertValid, badInput, conflict, notFound } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { isUuid } from '../../core/ids.ts';
import { creationDiff } from '../activity/index.ts';
import { Person } from '../people/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam } from './expert-team.entity.ts';
import { TeamMembership } from './team-membership.entity.ts';
import type { AddTeamMemberInput, CreateExpertTeamInput, RemoveTeamMemberInput, UpdateExpertTeamInput } from './team.inputs.ts';

const NAME_MAX = 100;
const FOCUS_MAX = 2_000;

/** Leads and members are experts: the consultants the team's companies are assigned to. */
async function findExpert(em: EntityManager, personId: string, field: string): Promise<Person> {
  const person = await findRecord(em, Person, personId, 'Person');
  if (person.role !== Role.EXPERT || person.disabledAt) {
    const message = `${person.name} cannot join a team: only active experts can (this person is ${person.role.toLowerCase().replace('_', ' ')}${person.disabledAt ? ', disabled' : ''})`;
    throw badInput(message, [{ field, rule: 'notAnExpert', message }]);
  }
  return person;
}

async function assertNameFree(em: EntityManager, programYearId: string, name: string, exceptId?: string): Promise<void> {
  const taken = await em.count(ExpertTeam, { programYear: programYearId, name, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (taken) throw conflict(`This program year already has a team named ${name}`);
}

/** The companies whose rights follow the team: those assigned to it. */
async function teamCompanyIds(em: EntityManager, teamId: string): Promise<string[]> {
  const rows: { company_id: string }[] = await em.execute('select company_id from participation where team_id = ?', [teamId]);
  return rows.map((row) => row.company_id);
}

async function publishAccessChanged(em: EntityManager, changes: ChangeLog, team: ExpertTeam, personIds: (string | null)[]): Promise<void> {
  changes.publish({
    type: EventType.ACCESS_CHANGED,
    entityId: team.id,
    programYearId: team.programYear.id,
    payload: { teamId: team.id, companyIds: await teamCompanyIds(em, team.id), personIds: personIds.filter((id) => id !== null) },
  });
}

function recordTeam(changes: ChangeLog, team: ExpertTeam, action: string, summary: string, diff: Record<string, { from: unknown; to: unknown }>): void {
  changes.record({ action, entityType: 'ExpertTeam', entityId: team.id, programYearId: team.programYear.id, summary, diff });
}

export async function createExpertTeam(ctx: UnitOfWork, input: CreateExpertTeamInput): Promise<ExpertTeam> {
  assertValid(new Validator().text('name', input.name, { max: NAME_MAX, required: true }).text('focus', input.focus, { max: FOCUS_MAX }).violations);
  return inTransaction(
    ctx,
    async (em, changes) => {
      const year = await findRecord(em, ProgramYear, input.programYearId, 'ProgramYear');
      const lead = input.leadId ? await findExpert(em, input.leadId, 'leadId') : null;
      const values = { name: input.name.trim(), focus: input.focus?.trim() || null };
      await assertNameFree(em, year.id, values.name);
      const team = em.create(ExpertTeam, { ...values, programYear: year, lead });
      recordTeam(changes, team, 'expertTeam.created', `Team ${team.name} formed`, creationDiff({ ...values, lead: lead?.id }));
      if (lead) await publishAccessChanged(em, changes, team, [lead.id]);
      return team;
    },
    idempotentCreate(ExpertTeam, 'createExpertTeam', input.idempotencyKey),
  );
}

export async function updateExpertTeam(ctx: UnitOfWork, input: UpdateExpertTeamInput): Promise<ExpertTeam> {
  assertValid(
    new Validator().text('name', input.name, { max: NAME_MAX, required: input.name === null }).text('focus', input.focus, { max: FOCUS_MAX }).violations,
  );
  return inTransaction(ctx, async (em, changes) => {
    const team = await findRecord(em, ExpertTeam, input.id, 'ExpertTeam');
    assertVersion('ExpertTeam', team, input.version);
    const lead = input.leadId ? await findExpert(em, input.leadId, 'leadId') : input.leadId;
    const name = input.name?.trim();
    if (name) await assertNameFree(em, team.programYear.id, name, team.id);
    const previousLeadId = team.lead?.id ?? null;
    const diff = applyChanges(team, {
      name,
      focus: input.focus === undefined ? undefined : input.focus?.trim() || null,
      lead: lead === undefined ? undefined : lead && ref(lead),
    } as Partial<ExpertTeam>);
    if (Object.keys(diff).length === 0) return team;
    recordTeam(changes, team, 'expertTeam.updated', `Team ${team.name} updated`, diff);
    if (diff.lead) await publishAccessChanged(em, changes, team, [previousLeadId, team.lead?.id ?? null]);
    return team;
  });
}

export async function addTeamMember(ctx: UnitOfWork, input: AddTeamMemberInput): Promise<ExpertTeam> {
  return inTransaction(ctx, async (em, changes) => {
    const team = await findRecord(em, ExpertTeam, input.teamId, 'ExpertTeam');
    const person = await findExpert(em, input.personId, 'personId');
    if (await em.count(TeamMembership, { team: team.id, person: person.id })) {
      throw conflict(`${person.name} is already on team ${team.name}`);
    }
    em.create(TeamMembership, { team, person, specialty: input.specialty ?? null });
    recordTeam(changes, team, 'expertTeam.memberAdded', `${person.name} joined team ${team.name}`, {
      members: { from: null, to: person.id },
      ...(input.specialty ? { specialty: { from: null, to: input.specialty } } : {}),
    });
    await publishAccessChanged(em, changes, team, [person.id]);
    return team;
  });
}

export async function removeTeamMember(ctx: UnitOfWork, input: RemoveTeamMemberInput): Promise<ExpertTeam> {
  return inTransaction(ctx, async (em, changes) => {
    const team = await findRecord(em, ExpertTeam, input.teamId, 'ExpertTeam');
    const membership = isUuid(input.personId)
      ? await em.findOne(TeamMembership, { team: team.id, person: input.personId }, { populate: ['person'] })
      : null;
    if (!membership) throw notFound('TeamMembership', input.personId);
    const person = membership.person.getEntity();
    em.remove(membership);
    recordTeam(changes, team, 'expertTeam.memberRemoved', `${person.name} left team ${team.name}`, { members: { from: person.id, to: null } });
    await publishAccessChanged(em, changes, team, [person.id]);
    return team;
  });
}
