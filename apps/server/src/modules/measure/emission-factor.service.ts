import { factorsForYear as chooseFactors, EmissionFactorKind, LIMITS, Validator } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertValid, badInput } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { inTransaction } from '../../core/database/transaction.ts';
import { EmissionFactor } from './emission-factor.entity.ts';
import type { CreateEmissionFactorInput } from './measure.inputs.ts';

export type FactorChoice = Record<EmissionFactorKind, EmissionFactor | null>;

/** Factors are public reference data (a few per kind): a plain list, newest first. */
export function listEmissionFactors(em: EntityManager, kind: EmissionFactorKind | null | undefined): Promise<EmissionFactor[]> {
  return em.find(EmissionFactor, kind ? { kind } : {}, { orderBy: { kind: 'asc', validFromYear: 'desc' } });
}

/** The factors a new measure of `year` uses (the rule lives in packages/domain, shared with the client's preview). */
export async function factorsForYear(em: EntityManager, year: number): Promise<FactorChoice> {
  return chooseFactors(await em.find(EmissionFactor, {}), year);
}

/** An explicitly chosen factor: it must exist and be of the right kind. */
export async function chosenFactor(
  em: EntityManager,
  field: string,
  id: string,
  kind: EmissionFactorKind,
): Promise<EmissionFactor> {
  const factor = isUuid(id) ? await em.findOne(EmissionFactor, { id, kind }) : null;
  if (!factor) {
    throw badInput(`${field} is not a known ${kind} emission factor`, [
      { field, rule: 'unknownFactor', message: `${field} is not a known ${kind} emission factor` },
    ]);
  }
  return factor;
}

export async function createEmissionFactor(ctx: UnitOfWork, input: CreateEmissionFactorInput): Promise<EmissionFactor> {
  ctx.access.assertCan('program.manage');
  const v = new Validator()
    .range('validFromYear', input.validFromYear, 1990, 2100, true)
    .range('validToYear', input.validToYear, 1990, 2100, true)
    .check('validToYear', input.validToYear >= input.validFromYear, 'endBeforeStart', 'validToYear must not be before validFromYear')
    .range('value', input.value, 0, 100)
    .text('source', input.source, { min: 1, max: 300, required: true })
    .text('note', input.note, { max: LIMITS.longText });
  assertValid(v.violations);
  return inTransaction(ctx, async (em, changes) => {
    const factor = em.create(EmissionFactor, { ...input, note: input.note ?? null });
    await em.flush();
    changes.record({
      action: 'emissionFactor.created',
      entityType: 'EmissionFactor',
      entityId: factor.id,
      summary: `${factor.kind} ${factor.validFromYear}–${factor.validToYear}: ${factor.value}`,
    });
    return factor;
  });
}
