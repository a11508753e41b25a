import type { FilterQuery } from '@mikro-orm/postgresql';
import { eventVisible, sqlEventCondition } from '../../core/auth/visibility.ts';
import { badInput, notFound } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import type { PageArgs } from '../../core/graphql/pagination.ts';
import { selectedPage } from '../../core/graphql/planned-read.ts';
import { ProgramYear } from '../program/index.ts';
import { isUuid } from '../../core/ids.ts';
import { ProgramEvent } from './program-event.entity.ts';
import type { EventFilter } from './event.inputs.ts';

/**
 * Program-wide gatherings are on everyone's calendar; a site visit only on the calendars of who
 * sees an invited company's work (core/auth/visibility.ts). Others are told it does not exist.
 */
export async function getEvent(ctx: UnitOfWork, id: string): Promise<ProgramEvent> {
  ctx.access.requireViewer();
  if (!isUuid(id)) throw notFound('ProgramEvent', id);
  const event = await ctx.em.findOne(ProgramEvent, { $and: [{ id }, await ctx.access.visibilityFilter(sqlEventCondition)] });
  if (!event) throw notFound('ProgramEvent', id);
  return event;
}

/**
 * An event loaded with its invitations (once, for every subscriber of a live change), if this
 * viewer sees it: the predicate twin of the SQL rule `getEvent` and `listEvents` apply.
 */
export async function eventShownNow(ctx: UnitOfWork, event: ProgramEvent | null): Promise<ProgramEvent | null> {
  if (!event) return null;
  const shown = eventVisible(ctx.viewer, event.kind, event.invitedCompanies.getIdentifiers<string>(), await ctx.access.scope('work'));
  return shown ? event : null;
}

/** What an events page may read without entities: these resolvers use only the row (its id) or honour planned rows. */
const EVENT_PAGE = {
  relations: { programYear: ProgramYear },
  rowFields: { invitedCompanies: ['id'], attendances: ['id'], invitedCount: ['id'], attendedCount: ['id'] },
};

/** A program year's events in calendar order. */
export async function listEvents(ctx: UnitOfWork, programYearId: string, filter: EventFilter = {}, page: PageArgs = {}, selection?: Selection) {
  ctx.access.requireViewer();
  if (!isUuid(programYearId)) throw badInput('programYearId is not a valid id');
  if (filter.companyId && !isUuid(filter.companyId)) throw badInput('companyId is not a valid id');
  const where: FilterQuery<ProgramEvent>[] = [{ programYear: programYearId }, await ctx.access.visibilityFilter(sqlEventCondition)];
  if (!filter.includeCancelled) where.push({ cancelledAt: null });
  if (filter.kind) where.push({ kind: filter.kind });
  if (filter.from) where.push({ endsAt: { $gte: filter.from } });
  if (filter.to) where.push({ startsAt: { $lt: filter.to } });
  if (filter.companyId) {
    // Whom a company is invited with is its own business: only for who may see that company.
    const visible = await ctx.access.canSeeCompany('program-results', filter.companyId);
    where.push(visible ? { invitedCompanies: filter.companyId } : { id: { $in: [] } });
  }
  return selectedPage(ctx.em, ProgramEvent, { $and: where }, page, 'startsAt', selection, EVENT_PAGE);
}
