import { Role } from '@ecohub/domain';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../core/errors.ts';
import { findRecord } from '../../core/database/records.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { loader } from '../../core/graphql/loaders.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage } from '../../core/graphql/planned-read.ts';
import { isUuid } from '../../core/ids.ts';
import { ExpertTeam } from './expert-team.entity.ts';

/**
 * Teams are the program's consultants and visible to every signed-in role, except that
 * company staff see only the team assigned to their own company.
 */
export async function teamVisibility(ctx: UnitOfWork): Promise<FilterQuery<ExpertTeam>> {
  const viewer = ctx.access.requireViewer();
  if (viewer.role !== Role.COMPANY_STAFF) return {};
  // Asked once per request, however many rows need it.
  const teamIds = await loader(ctx.loaders, 'staffTeamIds', async (companyIds: readonly string[]) =>
    Promise.all(
      companyIds.map(async (companyId) => {
        const rows: { team_id: string }[] = await ctx.em.execute(
          'select distinct team_id from participation where company_id = ? and team_id is not null',
          [companyId],
        );
        return rows.map((row) => row.team_id);
      }),
    ),
  ).load(viewer.companyId ?? '00000000-0000-0000-0000-000000000000');
  return { id: { $in: teamIds } };
}

export async function listExpertTeams(ctx: UnitOfWork, programYearId: string, page: PageArgs = {}, selection?: Selection) {
  if (!isUuid(programYearId)) throw badInput('programYearId is not a valid id');
  const visible = await teamVisibility(ctx);
  return selectedPage(ctx.em, ExpertTeam, { $and: [{ programYear: programYearId }, visible] }, page, 'name', selection);
}

export async function getExpertTeam(ctx: UnitOfWork, id: string): Promise<ExpertTeam> {
  const visible = await teamVisibility(ctx);
  const team = await findRecord(ctx.em, ExpertTeam, id, 'ExpertTeam');
  if (Object.keys(visible).length > 0 && !(await ctx.em.count(ExpertTeam, { $and: [{ id }, visible] }))) throw notFound('ExpertTeam', id);
  return team;
}
