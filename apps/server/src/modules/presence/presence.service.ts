import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import type { DataKind } from '../../core/auth/policy.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { PresentPersonData } from '../../core/realtime/presence.ts';
import { assertMayWatch, companyOrYearScope } from '../live/live.access.ts';
import { PresencePage, type PresenceState, type PresenceTopicInput, type PresenceUpdate } from './presence.topics.ts';

/** A page's presence topic, and the company it belongs to (a board belongs to none). */
interface Page {
  key: string;
  company: { kind: DataKind; id: string } | null;
}

/**
 * Checks that the viewer may see the page, by the same rules as the page itself (a task or
 * measure of a company the viewer may not see is NOT_FOUND), and returns its presence topic.
 */
async function pageOf(uow: UnitOfWork, topic: PresenceTopicInput): Promise<Page> {
  const key = `${topic.page}:${topic.id}`;
  switch (topic.page) {
    case PresencePage.BOARD:
      await companyOrYearScope(uow, 'program-results', { programYearId: topic.id });
      return { key, company: null };
    case PresencePage.COMPANY:
      await companyOrYearScope(uow, 'program-results', { companyId: topic.id });
      return { key, company: { kind: 'program-results', id: topic.id } };
    case PresencePage.TASK:
      return { key, company: { kind: 'work', id: await visibleRecordCompany(uow, 'task', 'Task', 'work', topic.id) } };
    case PresencePage.MEASURE:
      return { key, company: { kind: 'program-results', id: await visibleRecordCompany(uow, 'measure', 'Measure', 'program-results', topic.id) } };
  }
}

/** The company of a task or measure the viewer may see (NOT_FOUND otherwise). */
async function visibleRecordCompany(uow: UnitOfWork, table: 'task' | 'measure', entity: string, kind: 'work' | 'program-results', id: string): Promise<string> {
  assertMayWatch(uow, kind);
  const [row] = isUuid(id) ? await uow.em.execute<{ company_id: string }[]>(`select company_id from ${table} where id = ?`, [id]) : [];
  if (!row) throw notFound(entity, id);
  await uow.access.assertCanSeeCompany(kind, row.company_id, entity, id);
  return row.company_id;
}

async function presentViewer(uow: UnitOfWork): Promise<{ personId: string; name: string }> {
  const { personId } = uow.access.requireViewer();
  const [person] = await uow.em.execute<{ name: string }[]>('select name from person where id = ?', [personId]);
  return { personId, name: person?.name ?? '' };
}

/**
 * Everyone on the page while the subscription is open; the subscriber counts as VIEWING. A page
 * of a company the viewer stops seeing ends the subscription (FORBIDDEN, ACCESS_CHANGED), which
 * also takes them off the page.
 */
export async function watchPresence(uow: UnitOfWork, topic: PresenceTopicInput): Promise<AsyncIterable<PresenceUpdate>> {
  const { key, company } = await pageOf(uow, topic);
  const { realtime } = uow.services;
  const people = mapIterator(realtime.presence.watch(key, await presentViewer(uow)), (list) => ({ people: list as PresenceUpdate['people'] }));
  return company ? realtime.confine(uow.access.requireViewer(), company.kind, company.id, people) : people;
}

/** The viewer is EDITING or TYPING (or back to VIEWING) on the page, for the next 25 s unless reported again. */
export async function reportPresence(uow: UnitOfWork, topic: PresenceTopicInput, state: PresenceState): Promise<boolean> {
  const { key } = await pageOf(uow, topic);
  uow.services.realtime.presence.report(key, await presentViewer(uow), state);
  return true;
}

function mapIterator(source: AsyncIterableIterator<PresentPersonData[]>, map: (value: PresentPersonData[]) => PresenceUpdate): AsyncIterableIterator<PresenceUpdate> {
  const iterator: AsyncIterableIterator<PresenceUpdate> = {
    next: async () => {
      const result = await source.next();
      return result.done ? { done: true, value: undefined } : { done: false, value: map(result.value) };
    },
    return: async () => {
      await source.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}
