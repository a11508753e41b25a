import { LIMITS, Validator } from '@ecohub/domain';
import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertValid } from '../../core/errors.ts';
import { assertVersion, findRecord } from '../../core/database/records.ts';
import { idempotentCreate } from '../../core/idempotency/idempotency.ts';
import { applyChanges, inTransaction } from '../../core/database/transaction.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { creationDiff } from '../activity/index.ts';
import { Organization } from './organization.entity.ts';
import { Program } from './program.entity.ts';
import { ProgramYear } from './program-year.entity.ts';
import type { CreateProgramInput, UpdateProgramInput } from './program.inputs.ts';

/** Programs are few (one per region) and public: listing them needs no paging or scoping. */
export async function listPrograms(em: EntityManager): Promise<Program[]> {
  return em.find(Program, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export function getProgram(em: EntityManager, id: string): Promise<Program> {
  return findRecord(em, Program, id, 'Program');
}

/** A year, with its program in the same statement when the caller will show it. */
export function getProgramYear(em: EntityManager, id: string, withProgram = false): Promise<ProgramYear> {
  return withProgram ? findRecord(em, ProgramYear, id, 'ProgramYear', { populate: ['program'], strategy: 'joined' }) : findRecord(em, ProgramYear, id, 'ProgramYear');
}

/** Sponsors and host firms: public names, few enough to list whole. */
export function listOrganizations(em: EntityManager): Promise<Organization[]> {
  return em.find(Organization, {}, { orderBy: { nameKo: 'asc', id: 'asc' } });
}

const MAX_DURATION_YEARS = 10;

type ProgramFields = { [K in keyof CreateProgramInput]?: CreateProgramInput[K] | null };

function validateProgram(input: ProgramFields, creating: boolean): void {
  const v = new Validator()
    .text('nameKo', input.nameKo, { max: LIMITS.shortText, required: creating || input.nameKo === null })
    .text('nameEn', input.nameEn, { max: LIMITS.shortText, required: creating || input.nameEn === null })
    .text('region', input.region, { max: 100, required: creating || input.region === null })
    .text('description', input.description, { max: LIMITS.longText })
    .range('durationYears', input.durationYears, 1, MAX_DURATION_YEARS, true);
  if (input.durationYears === null) v.check('durationYears', false, 'required', 'durationYears is required');
  if (input.hostOrganizationId === null) v.check('hostOrganizationId', false, 'required', 'hostOrganizationId is required');
  assertValid(v.violations);
}

export async function createProgram(ctx: UnitOfWork, input: CreateProgramInput): Promise<Program> {
  validateProgram(input, true);
  return inTransaction(
    ctx,
    async (em, changes) => {
      const host = await findRecord(em, Organization, input.hostOrganizationId, 'Organization');
      const values = {
        nameKo: input.nameKo.trim(),
        nameEn: input.nameEn.trim(),
        region: input.region.trim(),
        durationYears: input.durationYears,
        description: input.description?.trim() || null,
      };
      const program = em.create(Program, { ...values, hostOrganization: host });
      changes.record({
        action: 'program.created',
        entityType: 'Program',
        entityId: program.id,
        summary: `Program ${program.nameKo} created`,
        diff: creationDiff({ ...values, hostOrganization: host.id }),
      });
      return program;
    },
    idempotentCreate(Program, 'createProgram', input.idempotencyKey),
  );
}

export async function updateProgram(ctx: UnitOfWork, input: UpdateProgramInput): Promise<Program> {
  validateProgram(input, false);
  return inTransaction(ctx, async (em, changes) => {
    const program = await findRecord(em, Program, input.id, 'Program');
    assertVersion('Program', program, input.version);
    const yearCount = await em.count(ProgramYear, { program: program.id });
    if (input.durationYears && input.durationYears < yearCount) {
      assertValid([
        { field: 'durationYears', rule: 'tooFewYears', message: `durationYears cannot be less than the ${yearCount} years the program already has` },
      ]);
    }
    const host = input.hostOrganizationId ? await findRecord(em, Organization, input.hostOrganizationId, 'Organization') : undefined;
    const diff = applyChanges(program, {
      nameKo: input.nameKo?.trim(),
      nameEn: input.nameEn?.trim(),
      region: input.region?.trim(),
      durationYears: input.durationYears ?? undefined,
      description: input.description === undefined ? undefined : input.description?.trim() || null,
      ...(host ? { hostOrganization: ref(host) } : {}),
    });
    if (Object.keys(diff).length > 0) {
      changes.record({ action: 'program.updated', entityType: 'Program', entityId: program.id, summary: `Program ${program.nameKo} updated`, diff });
    }
    return program;
  });
}
