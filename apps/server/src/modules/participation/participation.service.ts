import type { FilterQuery } from '@mikro-orm/postgresql';
import { badInput } from '../../core/errors.ts';
import { containsPattern, findRecord } from '../../core/database/records.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { paginate, type PageArgs } from '../../core/graphql/pagination.ts';
import { isUuid } from '../../core/ids.ts';
import { Participation } from './participation.entity.ts';
import type { ParticipationFilter } from './participation.inputs.ts';

/** A participation of a company the viewer may see, or NOT_FOUND. */
export async function getParticipation(ctx: UnitOfWork, id: string): Promise<Participation> {
  ctx.access.requireViewer();
  const participation = await findRecord(ctx.em, Participation, id, 'Participation');
  await ctx.access.assertCanSeeCompany('program-results', participation.company.id, 'Participation', id);
  return participation;
}

/** One program year's participations the viewer may see, in order of application. */
export async function listParticipations(ctx: UnitOfWork, programYearId: string, filter: ParticipationFilter = {}, page: PageArgs = {}) {
  ctx.access.requireViewer();
  if (!isUuid(programYearId)) throw badInput('programYearId is not a valid id');
  if (filter.teamId && !isUuid(filter.teamId)) throw badInput('teamId is not a valid id');
  const where: FilterQuery<Participation>[] = [{ programYear: programYearId }, await ctx.access.companyFilter('program-results')];
  if (filter.status) where.push({ status: filter.status });
  if (filter.teamId) where.push({ team: filter.teamId });
  if (filter.search?.trim()) {
    const pattern = containsPattern(filter.search);
    where.push({ company: { $or: [{ nameKo: { $ilike: pattern } }, { nameEn: { $ilike: pattern } }] } });
  }
  return paginate(ctx.em, Participation, { $and: where }, page, 'appliedOn');
}
