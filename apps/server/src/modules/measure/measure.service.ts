import { EmissionFactorKind, ParticipationStatus, type MeasureCategory } from '@ecohub/domain';
import { ref, type Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { companyAudience } from '../../core/auth/audience.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { assertValid, badInput, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import type { MeasureEventPayload } from './measure.topics.ts';
import type { FieldDiff } from '../activity/index.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { Person } from '../people/person.entity.ts';
import { stampEdit } from '../people/index.ts';
import { chosenFactor, factorsForYear } from './emission-factor.service.ts';
import type { EmissionFactor } from './emission-factor.entity.ts';
import type { CreateMeasureInput, MeasureFieldsInput, UpdateMeasureInput } from './measure.inputs.ts';
import { Measure } from './measure.entity.ts';
import { measureFieldViolations } from './measure.validation.ts';

/** Participations that no longer take new measures. */
const CLOSED: readonly ParticipationStatus[] = [ParticipationStatus.NOT_SELECTED, ParticipationStatus.WITHDRAWN];

const FACTOR_FIELDS = {
  electricityFactorId: EmissionFactorKind.ELECTRICITY,
  lngFactorId: EmissionFactorKind.LNG,
  waterFactorId: EmissionFactorKind.WATER,
} as const;

export async function createMeasure(ctx: UnitOfWork, input: CreateMeasureInput): Promise<Measure> {
  assertValid(measureFieldViolations(input));
  return inTransaction(
    ctx,
    async (em, changes) => {
      const company = await findRecord(em, Company, input.companyId, 'Company');
      await ctx.access.assertCanWrite('work.write', company.id, 'Company', company.id);
      if (!isUuid(input.programYearId)) throw notFound('ProgramYear', input.programYearId);
      const participation = await em.findOne(
        Participation,
        { company: input.companyId, programYear: input.programYearId },
        { populate: ['programYear'] },
      );
      if (!participation) {
        throw badInput('The company does not take part in that program year', [
          { field: 'programYearId', rule: 'notParticipating', message: 'the company does not take part in that program year' },
        ]);
      }
      if (CLOSED.includes(participation.status)) {
        throw badInput(`A ${participation.status} participation takes no new measures`, [
          { field: 'programYearId', rule: 'participationClosed', message: `the participation is ${participation.status}` },
        ]);
      }
      const year = Number(participation.programYear.getEntity().startsOn.slice(0, 4));
      const defaults = await factorsForYear(em, year);
      const measure = em.create(Measure, {
        participation,
        company: input.companyId,
        category: input.category,
        title: input.title.trim(),
        electricityFactor: ref(defaults.ELECTRICITY),
        lngFactor: ref(defaults.LNG),
        waterFactor: ref(defaults.WATER),
      });
      await applyFields(em, measure, input);
      stampEdit(measure, changes);
      changes.record(
        {
          action: 'measure.created',
          entityType: 'Measure',
          entityId: measure.id,
          summary: measure.title,
          companyId: input.companyId,
          programYearId: input.programYearId,
        },
        { type: EventType.MEASURE_CREATED, companyId: input.companyId, programYearId: input.programYearId },
      );
      return measure;
    },
    idempotentCreate(Measure, 'createMeasure', input.idempotencyKey),
  );
}

export async function updateMeasure(ctx: UnitOfWork, input: UpdateMeasureInput): Promise<Measure> {
  assertValid(measureFieldViolations(input));
  return inTransaction(ctx, async (em, changes) => {
    const measure = await measureForWrite(ctx, em, input.id, input.version);
    const diff = await applyFields(em, measure, input);
    // Nothing changed: no version, no history entry, no event.
    if (Object.keys(diff).length > 0) recordUpdate(changes, measure, 'measure.updated', diff);
    return measure;
  });
}

/** A measure this viewer may change, at the version the client edited. */
export async function measureForWrite(ctx: UnitOfWork, em: EntityManager, id: string, version: number): Promise<Measure> {
  const measure = await findRecord(em, Measure, id, 'Measure', { populate: ['participation'] });
  await ctx.access.assertCanWrite('work.write', measure.company.id, 'Measure', id);
  if (measure.archivedAt) throw badInput('This measure is archived and can no longer change');
  assertVersion('Measure', measure, version);
  return measure;
}

export function recordUpdate(changes: ChangeLog, measure: Measure, action: string, diff: FieldDiff, payload: MeasureEventPayload = {}): void {
  const programYearId = measure.participation.getEntity().programYear.id;
  const companyId = measure.company.id;
  stampEdit(measure, changes);
  changes.record(
    { action, entityType: 'Measure', entityId: measure.id, summary: measure.title, companyId, programYearId, diff },
    {
      type: action === 'measure.archived' ? EventType.MEASURE_DELETED : EventType.MEASURE_UPDATED,
      companyId,
      programYearId,
      payload,
    },
  );
}

async function applyFields(
  em: EntityManager,
  measure: Measure,
  input: MeasureFieldsInput & { category?: MeasureCategory | null; title?: string | null },
): Promise<FieldDiff> {
  const companyId = measure.company.id;
  let owner: string | null | undefined = input.ownerId;
  if (owner) {
    const [member] = await companyAudience(em, companyId, [owner]);
    if (!member) {
      throw badInput('The owner must be someone who works with this company', [
        { field: 'ownerId', rule: 'notInAudience', message: 'the owner must be an expert of the company team, its staff or a manager' },
      ]);
    }
    owner = member.id;
  }
  const factors: Partial<Record<'electricityFactor' | 'lngFactor' | 'waterFactor', Ref<EmissionFactor> | null>> = {};
  for (const [field, kind] of Object.entries(FACTOR_FIELDS) as [keyof typeof FACTOR_FIELDS, EmissionFactorKind][]) {
    const id = input[field];
    if (id === undefined) continue;
    factors[field.replace('Id', '') as keyof typeof factors] = id === null ? null : ref(await chosenFactor(em, field, id, kind));
  }
  return applyChanges(measure, {
    category: input.category ?? undefined,
    title: input.title?.trim(),
    description: input.description,
    owner: owner === undefined ? undefined : owner === null ? null : em.getReference(Person, owner, { wrapped: true }),
    investmentKrw: input.investmentKrw ?? undefined,
    expectedAnnualSavingsKrw: input.expectedAnnualSavingsKrw ?? undefined,
    electricityKwhPerYear: input.electricityKwhPerYear ?? undefined,
    lngNm3PerYear: input.lngNm3PerYear ?? undefined,
    waterM3PerYear: input.waterM3PerYear ?? undefined,
    wasteTPerYear: input.wasteTPerYear ?? undefined,
    rawMaterialsTPerYear: input.rawMaterialsTPerYear ?? undefined,
    productivityGainPct: input.productivityGainPct,
    technicalFeasibility: input.technicalFeasibility,
    economicFeasibility: input.economicFeasibility,
    environmentalFeasibility: input.environmentalFeasibility,
    screeningClass: input.screeningClass,
    ...factors,
  } as Partial<Measure>);
}
