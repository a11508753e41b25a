import type { FilterQuery } from '@mikro-orm/postgresql';
import { Validator } from '@ecohub/domain';
import { addDays, programDayStart } from '../../core/calendar.ts';
import { assertValid, badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage } from '../../core/graphql/planned-read.ts';
import { Company } from '../company/company.entity.ts';
import { Person } from '../people/person.entity.ts';
import { isUuid } from '../../core/ids.ts';
import { ActivityEntry, type FieldDiff } from './activity-entry.entity.ts';
import type { ActivityFilter, FieldChange } from './activity.inputs.ts';

/**
 * History is part of the work: viewers see the entries of companies whose work they may see
 * (managers everything, including program-level entries without a company).
 */
/** What a feed page may read without entities: the resolvers of these fields honour planned rows. */
const ACTIVITY_PAGE = { relations: { actor: Person, company: Company }, rowFields: { changes: ['diff'] } };

export async function listActivity(ctx: UnitOfWork, filter: ActivityFilter = {}, page: PageArgs = {}, selection?: Selection) {
  ctx.access.requireViewer();
  for (const field of ['entityId', 'companyId', 'actorId'] as const) {
    if (filter[field] && !isUuid(filter[field])) throw badInput(`${field} is not a valid id`);
  }
  const where: FilterQuery<ActivityEntry>[] = [await ctx.access.activityFilter()];
  if (filter.entityType) where.push({ entityType: filter.entityType });
  if (filter.entityId) where.push({ entityId: filter.entityId });
  if (filter.companyId) where.push({ company: filter.companyId });
  if (filter.actorId) where.push({ actor: filter.actorId });
  assertValid(new Validator().dateOrder('to', filter.from, filter.to).violations);
  // A period is whole days of the program's calendar: Ansan's midnight, whatever the server's zone.
  if (filter.from) where.push({ createdAt: { $gte: programDayStart(filter.from) } });
  if (filter.to) where.push({ createdAt: { $lt: programDayStart(addDays(filter.to, 1)) } });
  return selectedPage(ctx.em, ActivityEntry, { $and: where }, page, '-createdAt', selection, ACTIVITY_PAGE);
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function fieldChanges(diff: FieldDiff): FieldChange[] {
  return Object.entries(diff).map(([field, change]) => ({ field, from: asText(change.from), to: asText(change.to) }));
}
