import { allowedNext, canTransition, LIMITS, participationMachine, ParticipationStatus, Validator } from '@ecohub/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { programToday } from '../../core/calendar.ts';
import { assertValid, badInput, conflict } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { creationDiff, type FieldDiff } from '../activity/index.ts';
import { Company } from '../company/index.ts';
import { ProgramYear } from '../program/index.ts';
import { ExpertTeam } from '../team/index.ts';
import { Participation } from './participation.entity.ts';
import type {
  ApplyToProgramYearInput,
  AssignParticipationTeamInput,
  SetParticipationContributionInput,
  TransitionParticipationInput,
} from './participation.inputs.ts';
import { currentStepDate, STEP_DATE_FIELD } from './participation-steps.ts';

function recordUpdate(changes: ChangeLog, participation: Participation, action: string, summary: string, diff: FieldDiff): void {
  const ids = { companyId: participation.company.id, programYearId: participation.programYear.id };
  changes.record(
    { action, entityType: 'Participation', entityId: participation.id, summary, diff, ...ids },
    { type: EventType.PARTICIPATION_UPDATED, ...ids },
  );
}

async function loadForUpdate(em: EntityManager, id: string, version: number): Promise<Participation> {
  const participation = await findRecord(em, Participation, id, 'Participation', { populate: ['company'] });
  assertVersion('Participation', participation, version);
  return participation;
}

function companyName(participation: Participation): string {
  return participation.company.getEntity().nameKo;
}

export async function applyToProgramYear(ctx: UnitOfWork, input: ApplyToProgramYearInput): Promise<Participation> {
  assertValid(new Validator().text('note', input.note, { max: LIMITS.longText }).violations);
  return inTransaction(
    ctx,
    async (em, changes) => {
      const company = await findRecord(em, Company, input.companyId, 'Company');
      const year = await findRecord(em, ProgramYear, input.programYearId, 'ProgramYear');
      if (company.archivedAt) throw badInput(`${company.nameKo} is archived and cannot apply`);
      if (await em.count(Participation, { company: company.id, programYear: year.id })) {
        throw conflict(`${company.nameKo} has already applied to year ${year.number}`);
      }
      const values = { status: ParticipationStatus.APPLIED, appliedOn: input.appliedOn ?? programToday(), note: input.note?.trim() || null };
      const participation = em.create(Participation, { ...values, company, programYear: year });
      const ids = { companyId: company.id, programYearId: year.id };
      changes.record(
        {
          action: 'participation.created',
          entityType: 'Participation',
          entityId: participation.id,
          summary: `${company.nameKo} applied to year ${year.number}`,
          diff: creationDiff(values),
          ...ids,
        },
        { type: EventType.PARTICIPATION_CREATED, ...ids },
      );
      return participation;
    },
    idempotentCreate(Participation, 'applyToProgramYear', input.idempotencyKey),
  );
}

/** Moves a participation one step along `participationMachine`, stamping the step's date. */
export async function transitionParticipation(ctx: UnitOfWork, input: TransitionParticipationInput): Promise<Participation> {
  const on = input.on ?? programToday();
  return inTransaction(ctx, async (em, changes) => {
    const participation = await loadForUpdate(em, input.id, input.version);
    const from = participation.status;
    if (!canTransition(participationMachine, from, input.to)) {
      const allowed = allowedNext(participationMachine, from);
      const message = allowed.length
        ? `A participation cannot go from ${from} to ${input.to}; allowed next: ${allowed.join(', ')}`
        : `A participation cannot go from ${from} to ${input.to}: ${from} is final`;
      throw badInput(message, [{ field: 'to', rule: 'illegalTransition', message }]);
    }
    const since = currentStepDate(participation);
    assertValid(
      new Validator().check('on', on >= since, 'beforePreviousStep', `on must not be before ${since}, when the participation became ${from}`).violations,
    );
    const diff = applyChanges(participation, { status: input.to, [STEP_DATE_FIELD[input.to]]: on } as Partial<Participation>);
    recordUpdate(changes, participation, 'participation.transitioned', `${companyName(participation)}: ${from} → ${input.to} on ${on}`, diff);
    return participation;
  });
}

/** Assigning a team changes who may work on the company: live rights are re-read. */
export async function assignParticipationTeam(ctx: UnitOfWork, input: AssignParticipationTeamInput): Promise<Participation> {
  return inTransaction(ctx, async (em, changes) => {
    const participation = await loadForUpdate(em, input.id, input.version);
    const team = input.teamId ? await findRecord(em, ExpertTeam, input.teamId, 'ExpertTeam') : null;
    if (team && team.programYear.id !== participation.programYear.id) {
      throw badInput('The team belongs to another program year', [
        { field: 'teamId', rule: 'otherProgramYear', message: 'The team must belong to the participation’s program year' },
      ]);
    }
    const previousTeamId = participation.team?.id ?? null;
    const diff = applyChanges(participation, { team: team ? ref(team) : null } as Partial<Participation>);
    if (Object.keys(diff).length === 0) return participation;
    const summary = team ? `${companyName(participation)} assigned to ${team.name}` : `${companyName(participation)} taken off its team`;
    recordUpdate(changes, participation, 'participation.teamAssigned', summary, diff);
    changes.publish({
      type: EventType.ACCESS_CHANGED,
      entityId: participation.id,
      companyId: participation.company.id,
      programYearId: participation.programYear.id,
      payload: { companyIds: [participation.company.id], teamIds: [previousTeamId, team?.id ?? null].filter((id) => id !== null) },
    });
    return participation;
  });
}

export async function setParticipationContribution(ctx: UnitOfWork, input: SetParticipationContributionInput): Promise<Participation> {
  assertValid(new Validator().krw('contributionKrw', input.contributionKrw).violations);
  return inTransaction(ctx, async (em, changes) => {
    const participation = await loadForUpdate(em, input.id, input.version);
    const diff = applyChanges(participation, { contributionKrw: input.contributionKrw });
    if (Object.keys(diff).length > 0) {
      recordUpdate(changes, participation, 'participation.contributionSet', `${companyName(participation)} contributes ${input.contributionKrw} KRW`, diff);
    }
    return participation;
  });
}
