import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Validator } from '@ecohub/domain';
import { assertValid, conflict } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { creationDiff } from '../activity/index.ts';
import { Program } from './program.entity.ts';
import { ProgramYear } from './program-year.entity.ts';
import type { CreateProgramYearInput, SetProgramYearTargetsInput, UpdateProgramYearInput } from './program.inputs.ts';

function yearSummary(year: ProgramYear, verb: string): string {
  return `Year ${year.number} (${year.startsOn} – ${year.endsOn}) ${verb}`;
}

export async function createProgramYear(ctx: UnitOfWork, input: CreateProgramYearInput): Promise<ProgramYear> {
  assertValid(
    new Validator()
      .date('startsOn', input.startsOn)
      .date('endsOn', input.endsOn)
      .dateOrder('endsOn', input.startsOn, input.endsOn).violations,
  );
  try {
    return await inTransaction(
      ctx,
      async (em, changes) => {
        const program = await findRecord(em, Program, input.programId, 'Program');
        assertValid(
          new Validator().range('number', input.number, 1, program.durationYears, true).violations,
        );
        if (await em.count(ProgramYear, { program: program.id, number: input.number })) {
          throw conflict(`Year ${input.number} of this program already exists`);
        }
        const values = { number: input.number, startsOn: input.startsOn, endsOn: input.endsOn };
        const year = em.create(ProgramYear, { ...values, program });
        changes.record({
          action: 'programYear.created',
          entityType: 'ProgramYear',
          entityId: year.id,
          programYearId: year.id,
          summary: yearSummary(year, 'created'),
          diff: creationDiff({ ...values, program: program.id }),
        });
        return year;
      },
      idempotentCreate(ProgramYear, 'createProgramYear', input.idempotencyKey),
    );
  } catch (error) {
    // Two managers adding the same year at once: the unique (program, number) decides.
    if (error instanceof UniqueConstraintViolationException) throw conflict(`Year ${input.number} of this program already exists`);
    throw error;
  }
}

export async function updateProgramYear(ctx: UnitOfWork, input: UpdateProgramYearInput): Promise<ProgramYear> {
  const v = new Validator().date('startsOn', input.startsOn).date('endsOn', input.endsOn);
  if (input.startsOn === null) v.check('startsOn', false, 'required', 'startsOn is required');
  if (input.endsOn === null) v.check('endsOn', false, 'required', 'endsOn is required');
  assertValid(v.violations);
  return inTransaction(ctx, async (em, changes) => {
    const year = await findRecord(em, ProgramYear, input.id, 'ProgramYear');
    assertVersion('ProgramYear', year, input.version);
    assertValid(
      new Validator().dateOrder('endsOn', input.startsOn ?? year.startsOn, input.endsOn ?? year.endsOn).violations,
    );
    const diff = applyChanges(year, { startsOn: input.startsOn ?? undefined, endsOn: input.endsOn ?? undefined });
    if (Object.keys(diff).length > 0) {
      changes.record({
        action: 'programYear.updated',
        entityType: 'ProgramYear',
        entityId: year.id,
        programYearId: year.id,
        summary: yearSummary(year, 'rescheduled'),
        diff,
      });
    }
    return year;
  });
}

/** Sets (or, with null, clears) a year's targets for the board: savings, tCO2e, implementation share. */
export async function setProgramYearTargets(ctx: UnitOfWork, input: SetProgramYearTargetsInput): Promise<ProgramYear> {
  assertValid(
    new Validator()
      .krw('savingsKrw', input.savingsKrw)
      .quantity('ghgTco2e', input.ghgTco2e)
      .range('implementationRate', input.implementationRate, 0, 1).violations,
  );
  return inTransaction(ctx, async (em, changes) => {
    const year = await findRecord(em, ProgramYear, input.programYearId, 'ProgramYear');
    assertVersion('ProgramYear', year, input.version);
    const diff = applyChanges(year, {
      targetSavingsKrw: input.savingsKrw,
      targetGhgTco2e: input.ghgTco2e,
      targetImplementationRate: input.implementationRate,
    });
    if (Object.keys(diff).length > 0) {
      changes.record({
        action: 'programYear.targetsSet',
        entityType: 'ProgramYear',
        entityId: year.id,
        programYearId: year.id,
        summary: yearSummary(year, 'targets set'),
        diff,
      });
    }
    return year;
  });
}
