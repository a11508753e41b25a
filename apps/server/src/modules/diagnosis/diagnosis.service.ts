import type { FilterQuery } from '@mikro-orm/postgresql';
import { badInput } from '../../core/errors.ts';
import { findRecord } from '../../core/database/records.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { paginate, type PageArgs } from '../../core/graphql/pagination.ts';
import { isUuid } from '../../core/ids.ts';
import { Diagnosis } from './diagnosis.entity.ts';
import type { DiagnosisFilter } from './diagnosis.inputs.ts';

/** Diagnoses are the consulting work: visible to the company's team, its staff and managers. */
export async function getDiagnosis(ctx: UnitOfWork, id: string): Promise<Diagnosis> {
  ctx.access.requireViewer();
  const diagnosis = await findRecord(ctx.em, Diagnosis, id, 'Diagnosis');
  await ctx.access.assertCanSeeCompany('work', diagnosis.company.id, 'Diagnosis', id);
  return diagnosis;
}

/** Newest first. */
export async function listDiagnoses(ctx: UnitOfWork, filter: DiagnosisFilter = {}, page: PageArgs = {}) {
  ctx.access.requireViewer();
  for (const field of ['companyId', 'participationId'] as const) {
    if (filter[field] && !isUuid(filter[field])) throw badInput(`${field} is not a valid id`);
  }
  const where: FilterQuery<Diagnosis>[] = [await ctx.access.companyFilter('work')];
  if (filter.companyId) where.push({ company: filter.companyId });
  if (filter.participationId) where.push({ participation: filter.participationId });
  if (filter.kind) where.push({ kind: filter.kind });
  return paginate(ctx.em, Diagnosis, { $and: where }, page, '-conductedOn');
}
