import { LIMITS, Role, Validator } from '@ecohub/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertValid, badInput } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction, type ChangeLog } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { EventType } from '../../core/realtime/event-types.ts';
import { creationDiff, type FieldDiff } from '../activity/index.ts';
import { Participation } from '../participation/index.ts';
import { Person, stampEdit } from '../people/index.ts';
import { Diagnosis } from './diagnosis.entity.ts';
import type { CreateDiagnosisInput, UpdateDiagnosisInput } from './diagnosis.inputs.ts';

const QUANTITIES = [
  'electricityKwhPerYear',
  'lngNm3PerYear',
  'waterM3PerYear',
  'rawMaterialsTPerYear',
  'wasteTPerYear',
  'wastewaterM3PerYear',
] as const;

type DiagnosisFields = { [K in keyof CreateDiagnosisInput]?: CreateDiagnosisInput[K] | null };

function validateDiagnosis(input: DiagnosisFields, creating: boolean): void {
  const v = new Validator()
    .text('processesExamined', input.processesExamined, { max: LIMITS.longText, required: creating || input.processesExamined === null })
    .text('findings', input.findings, { max: LIMITS.longText, required: creating || input.findings === null });
  for (const field of QUANTITIES) v.quantity(field, input[field]);
  if (!creating && input.kind === null) v.check('kind', false, 'required', 'kind is required');
  if (!creating && input.conductedOn === null) v.check('conductedOn', false, 'required', 'conductedOn is required');
  assertValid(v.violations);
}

async function findLeadExpert(em: EntityManager, id: string): Promise<Person> {
  const person = await findRecord(em, Person, id, 'Person');
  if (person.role !== Role.EXPERT) {
    const message = `${person.name} is not an expert and cannot lead a diagnosis`;
    throw badInput(message, [{ field: 'leadExpertId', rule: 'notAnExpert', message }]);
  }
  return person;
}

function quantities(input: DiagnosisFields): Partial<Record<(typeof QUANTITIES)[number], number | null>> {
  return Object.fromEntries(QUANTITIES.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]));
}

function recordDiagnosis(changes: ChangeLog, diagnosis: Diagnosis, programYearId: string, action: string, summary: string, diff: FieldDiff): void {
  const ids = { companyId: diagnosis.company.id, programYearId };
  stampEdit(diagnosis, changes);
  changes.record(
    { action, entityType: 'Diagnosis', entityId: diagnosis.id, summary, diff, ...ids },
    { type: EventType.DIAGNOSIS_CHANGED, ...ids },
  );
}

/** Experts of the company's team and managers write diagnoses. */
export async function createDiagnosis(ctx: UnitOfWork, input: CreateDiagnosisInput): Promise<Diagnosis> {
  validateDiagnosis(input, true);
  return inTransaction(
    ctx,
    async (em, changes) => {
      const participation = await findRecord(em, Participation, input.participationId, 'Participation');
      await ctx.access.assertCanWrite('work.write', participation.company.id, 'Participation', participation.id);
      const leadExpert = input.leadExpertId ? await findLeadExpert(em, input.leadExpertId) : null;
      const values = {
        kind: input.kind,
        conductedOn: input.conductedOn,
        processesExamined: input.processesExamined.trim(),
        findings: input.findings.trim(),
        ...quantities(input),
      };
      const diagnosis = em.create(Diagnosis, { ...values, participation, company: participation.company, leadExpert });
      recordDiagnosis(changes, diagnosis, participation.programYear.id, 'diagnosis.created', `${input.kind} diagnosis of ${input.conductedOn} recorded`, creationDiff({ ...values, leadExpert: leadExpert?.id }));
      return diagnosis;
    },
    idempotentCreate(Diagnosis, 'createDiagnosis', input.idempotencyKey),
  );
}

export async function updateDiagnosis(ctx: UnitOfWork, input: UpdateDiagnosisInput): Promise<Diagnosis> {
  validateDiagnosis(input, false);
  return inTransaction(ctx, async (em, changes) => {
    const diagnosis = await findRecord(em, Diagnosis, input.id, 'Diagnosis', { populate: ['participation'] });
    await ctx.access.assertCanWrite('work.write', diagnosis.company.id, 'Diagnosis', diagnosis.id);
    assertVersion('Diagnosis', diagnosis, input.version);
    const leadExpert = input.leadExpertId ? ref(await findLeadExpert(em, input.leadExpertId)) : input.leadExpertId;
    const diff = applyChanges(diagnosis, {
      kind: input.kind ?? undefined,
      conductedOn: input.conductedOn ?? undefined,
      processesExamined: input.processesExamined?.trim(),
      findings: input.findings?.trim(),
      ...quantities(input),
      leadExpert,
    } as Partial<Diagnosis>);
    if (Object.keys(diff).length > 0) {
      const programYearId = diagnosis.participation.getEntity().programYear.id;
      recordDiagnosis(changes, diagnosis, programYearId, 'diagnosis.updated', `${diagnosis.kind} diagnosis of ${diagnosis.conductedOn} updated`, diff);
    }
    return diagnosis;
  });
}
