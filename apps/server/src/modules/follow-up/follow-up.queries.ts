import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { findRecord } from '../../core/database/records.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import { Measure } from '../measure/index.ts';
import { FollowUpAnswer, FollowUpRequest } from './follow-up.entity.ts';

export interface FollowUpFilterShape {
  programYearId?: string | null;
  companyId?: string | null;
  /** true: not yet answered; false: answered. */
  open?: boolean | null;
}

/**
 * Follow-up requests the viewer may see: like the consulting work itself ('work' scope), a
 * company's own staff, its team's experts, managers and admins. Newest due date first.
 */
export async function listFollowUpRequests(uow: UnitOfWork, filter: FollowUpFilterShape | null | undefined): Promise<FollowUpRequest[]> {
  assertFilterIds(filter, ['programYearId', 'companyId']);
  const f = filter ?? {};
  return uow.em.find(
    FollowUpRequest,
    {
      $and: [await uow.access.companyFilter('work')],
      ...(f.programYearId ? { programYear: f.programYearId } : {}),
      ...(f.companyId ? { company: f.companyId } : {}),
      ...(f.open === true ? { submittedAt: null } : f.open === false ? { submittedAt: { $ne: null } } : {}),
    },
    { orderBy: { dueOn: 'desc', createdAt: 'asc', id: 'asc' }, limit: 1000 },
  );
}

export async function getFollowUpRequest(uow: UnitOfWork, id: string): Promise<FollowUpRequest> {
  const request = await findRecord(uow.em, FollowUpRequest, id, 'FollowUpRequest');
  await uow.access.assertCanSeeCompany('work', request.company.id, 'FollowUpRequest', id);
  return request;
}

/** The measures a request asks about (not archived, not dropped), in the order they were proposed. */
export function requestMeasures(uow: UnitOfWork, request: FollowUpRequest): Promise<Measure[]> {
  return uow.em.find(Measure, { participation: request.participation.id, archivedAt: null, status: { $ne: 'DROPPED' } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

export function requestAnswers(uow: UnitOfWork, request: FollowUpRequest): Promise<FollowUpAnswer[]> {
  return uow.em.find(FollowUpAnswer, { request: request.id });
}
