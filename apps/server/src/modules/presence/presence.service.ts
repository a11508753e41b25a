import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/ids.ts';
import type { PresentPersonData } from '../../core/realtime/presence.ts';
import { assertMayWatch, companyOrYearScope } from '../live/live.access.ts';
import { PresencePage, type PresenceState, type PresenceTopicInput, type PresenceUpdate } from './presence.topics.ts';

/**
 * Checks that the viewer may see the page, by the same rules as the page itself (a task or
 * measure of a company the viewer may not see is NOT_FOUND), and returns its presence topic.
 */
async function pageTopic(uow: UnitOfWork, topic: PresenceTopicInput): Promise<string> {
  switch (topic.page) {
    case PresencePage.BOARD:
      await companyOrYearScope(uow, 'program-results', { programYearId: topic.id });
      break;
    case PresencePage.COMPANY:
      await companyOrYearScope(uow, 'program-results', { companyId: topic.id });
      break;
    case PresencePage.TASK:
      await assertRecordVisible(uow, 'task', 'Task', 'work', topic.id);
      break;
    case PresencePage.MEASURE:
      await assertRecordVisible(uow, 'measure', 'Measure', 'program-results', topic.id);
      break;
  }
  return `${topic.page}:${topic.id}`;
}

async function assertRecordVisible(uow: UnitOfWork, table: 'task' | 'measure', entity: string, kind: 'work' | 'program-results', id: string): Promise<void> {
  assertMayWatch(uow, kind);
  const [row] = isUuid(id) ? await uow.em.execute<{ company_id: string }[]>(`select company_id from ${table} where id = ?`, [id]) : [];
  if (!row) throw notFound(entity, id);
  await uow.access.assertCanSeeCompany(kind, row.company_id, entity, id);
}

async function presentViewer(uow: UnitOfWork): Promise<{ personId: string; name: string }> {
  const { personId } = uow.access.requireViewer();
  const [person] = await uow.em.execute<{ name: string }[]>('select name from person where id = ?', [personId]);
  return { personId, name: person?.name ?? '' };
}

/** Everyone on the page while the subscription is open; the subscriber counts as VIEWING. */
export async function watchPresence(uow: UnitOfWork, topic: PresenceTopicInput): Promise<AsyncIterable<PresenceUpdate>> {
  const key = await pageTopic(uow, topic);
  const people = uow.services.realtime.presence.watch(key, await presentViewer(uow));
  return mapIterator(people, (list) => ({ people: list as PresenceUpdate['people'] }));
}

/** The viewer is EDITING or TYPING (or back to VIEWING) on the page, for the next 25 s unless reported again. */
export async function reportPresence(uow: UnitOfWork, topic: PresenceTopicInput, state: PresenceState): Promise<boolean> {
  const key = await pageTopic(uow, topic);
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
