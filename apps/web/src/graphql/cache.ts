import { roundTo } from '@ecohub/domain';
import { mapExchange, type Exchange } from '@urql/core';
import { cacheExchange, type Cache, type Data, type KeyingConfig, type UpdatesConfig, type Variables } from '@urql/exchange-graphcache';
import type { IntrospectionObjectType } from 'graphql';
import { placeRow, type BoardMember } from '@/features/board/board-live';
import {
  BoardListMembersDocument,
  BoardRowMembershipFragmentDoc,
  BoardYearKpisDocument,
  CommentListMembersDocument,
  DiagnosisListMembersDocument,
  EventListMembersDocument,
  MeasureListMembersDocument,
  MeasureTotalsOfDocument,
  MyTaskListMembersDocument,
  TaskListMembersDocument,
  type BoardFilter,
  type BoardRowChangedSubscription,
  type DiagnosisFilter,
  type EventFilter,
  type MeasureFilter,
  type TaskFilter,
} from './generated/graphql';
import schema from './generated/introspection';

/**
 * One normalized store for the whole client (urql Graphcache with the schema): a record is kept
 * once, by type and id, and every query that shows it reads that one copy. Live events and
 * mutation answers write into it; the updaters below add a created record to the lists it belongs
 * to and take a deleted one out, so nothing is refetched unless a list's filter cannot be judged
 * here (then only that list field is invalidated and reloaded).
 */

const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

/** Types without an id (connections, edges, page info, totals, event envelopes) live inside what holds them. */
function embeddedTypes(): KeyingConfig {
  const keys: KeyingConfig = {};
  for (const type of schema.__schema.types) {
    if (type.kind !== 'OBJECT' || ROOTS.has(type.name)) continue;
    if (!(type as IntrospectionObjectType).fields.some((field) => field.name === 'id')) keys[type.name] = () => null;
  }
  return keys;
}

/** Yes, no, or "cannot tell from what the cache holds". */
type Verdict = boolean | undefined;

function all(verdicts: Verdict[]): Verdict {
  if (verdicts.includes(false)) return false;
  return verdicts.includes(undefined) ? undefined : true;
}

function linkedId(cache: Cache, key: string, field: string): string | null | undefined {
  const link = cache.resolve(key, field);
  if (link === undefined) return undefined;
  return typeof link === 'string' ? ((cache.resolve(link, 'id') as string | undefined) ?? undefined) : null;
}

function linkedIds(cache: Cache, key: string, field: string): string[] | undefined {
  const links = cache.resolve(key, field);
  if (!Array.isArray(links)) return undefined;
  return links.map((link) => cache.resolve(link as string, 'id') as string);
}

function titleMatches(cache: Cache, key: string, search: string | null | undefined): Verdict {
  if (!search?.trim()) return true;
  const title = cache.resolve(key, 'title');
  return typeof title === 'string' ? title.toLocaleLowerCase().includes(search.trim().toLocaleLowerCase()) : undefined;
}

function equalOrUnknown(actual: unknown, wanted: unknown): Verdict {
  if (wanted == null) return true;
  return actual === undefined ? undefined : actual === wanted;
}

/** Whether a task (already written to the cache) belongs to a list with this filter. */
function taskMatches(cache: Cache, key: string, companyId: string | null, filter: TaskFilter | null | undefined): Verdict {
  if (!filter) return true;
  // Day-relative filters need the program's "today": the server decides those lists.
  if (filter.overdue != null || filter.dueBefore != null) return undefined;
  const assignees = linkedIds(cache, key, 'assignees');
  return all([
    filter.companyId == null ? true : companyId === null ? undefined : companyId === filter.companyId,
    equalOrUnknown(cache.resolve(key, 'status'), filter.status),
    equalOrUnknown(linkedId(cache, key, 'measure'), filter.measureId),
    filter.assigneeId == null ? true : assignees?.includes(String(filter.assigneeId)),
    titleMatches(cache, key, filter.search),
  ]);
}

interface ListMembers {
  /** Absent where the page does not show a count. */
  totalCount?: number;
  edges: { __typename: string; node: { __typename: string; id: string } }[];
}

/**
 * Puts a record in or out of one first-page list (`first`, no `after`) by rewriting the list's
 * edges: the record itself is already in the cache, so the edge only links to it. Lists are
 * shown in the page's own order (board rank, creation time), so a newcomer goes to the end.
 */
function placeInList(
  cache: Cache,
  document: Parameters<Cache['updateQuery']>[0]['query'],
  field: string,
  variables: Variables,
  record: { __typename: string; id: string },
  belongs: boolean,
) {
  cache.updateQuery({ query: document, variables }, (data: Data | null) => {
    const list = data?.[field] as ListMembers | undefined;
    if (!list) return data;
    const present = list.edges.some((edge) => edge.node.id === record.id);
    if (present === belongs) return data;
    const edges = belongs
      ? [...list.edges, { __typename: `${record.__typename}Edge`, node: { __typename: record.__typename, id: record.id } }]
      : list.edges.filter((edge) => edge.node.id !== record.id);
    const totalCount = list.totalCount === undefined ? {} : { totalCount: list.totalCount + (belongs ? 1 : -1) };
    return { ...data, [field]: { ...list, ...totalCount, edges } } as Data;
  });
}

/** Every cached first page of a list field (later pages are loaded apart by the pages that page). */
function firstPages(cache: Cache, field: string) {
  return cache.inspectFields('Query').filter((info) => info.fieldName === field && info.arguments?.after == null);
}

function viewerId(cache: Cache): string | null | undefined {
  return linkedId(cache, 'Query', 'viewer');
}

/** A task changed, was created or deleted: every task list it belongs to shows it, and no other. */
function placeTask(cache: Cache, taskId: string, companyId: string | null, deleted: boolean) {
  const record = { __typename: 'Task', id: taskId };
  const key = cache.keyOfEntity(record) as string;
  for (const list of firstPages(cache, 'tasks')) {
    const belongs = deleted ? false : taskMatches(cache, key, companyId, list.arguments?.filter as TaskFilter | undefined);
    if (belongs === undefined) cache.invalidate('Query', list.fieldKey);
    else placeInList(cache, TaskListMembersDocument, 'tasks', list.arguments ?? {}, record, belongs);
  }
  for (const list of firstPages(cache, 'myTasks')) {
    const me = viewerId(cache);
    const assignees = linkedIds(cache, key, 'assignees');
    const mine = deleted ? false : me && assignees ? assignees.includes(me) && taskMatches(cache, key, companyId, list.arguments?.filter as TaskFilter) : undefined;
    if (mine === undefined) cache.invalidate('Query', list.fieldKey);
    else placeInList(cache, MyTaskListMembersDocument, 'myTasks', list.arguments ?? {}, record, mine);
  }
  // Whatever still shows a deleted task (its own page) reloads and learns that it is gone.
  if (deleted) cache.invalidate(record);
}

function placeComment(cache: Cache, taskId: string, commentId: string, deleted: boolean) {
  const record = { __typename: 'Comment', id: commentId };
  for (const list of firstPages(cache, 'comments')) {
    if (list.arguments?.taskId !== taskId) continue;
    placeInList(cache, CommentListMembersDocument, 'comments', list.arguments, record, !deleted);
  }
}

function measureMatches(cache: Cache, key: string, filter: MeasureFilter | null | undefined): Verdict {
  const archivedAt = cache.resolve(key, 'archivedAt');
  if (!filter) return archivedAt === undefined ? undefined : archivedAt === null;
  return all([
    filter.includeArchived ? true : archivedAt === undefined ? undefined : archivedAt === null,
    equalOrUnknown(linkedId(cache, key, 'programYear'), filter.programYearId),
    equalOrUnknown(linkedId(cache, key, 'company'), filter.companyId),
    equalOrUnknown(cache.resolve(key, 'category'), filter.category),
    equalOrUnknown(cache.resolve(key, 'status'), filter.status),
    equalOrUnknown(linkedId(cache, key, 'owner'), filter.ownerId),
    titleMatches(cache, key, filter.search),
  ]);
}

type MeasureRows = NonNullable<ReturnType<typeof readMeasureList>>;
function readMeasureList(cache: Cache, variables: Variables) {
  return cache.readQuery({ query: MeasureListMembersDocument, variables })?.measures ?? null;
}

/**
 * The register's totals are the sums of its rows when the list holds all of them, so they are
 * added up here as the server does (dropped measures count but add no money or tCO₂e unless asked).
 */
function sumMeasures(rows: MeasureRows['edges'], includeDropped: boolean) {
  const counted = rows.map((edge) => edge.node).filter((row) => includeDropped || row.status !== 'DROPPED');
  const sum = (pick: (row: (typeof counted)[number]) => number | null | undefined) => counted.reduce((total, row) => total + (pick(row) ?? 0), 0);
  return {
    __typename: 'MeasureTotals' as const,
    count: rows.length,
    droppedCount: rows.filter((edge) => edge.node.status === 'DROPPED').length,
    includesDropped: includeDropped,
    investmentKrw: sum((row) => row.investmentKrw),
    expectedAnnualSavingsKrw: sum((row) => row.expectedAnnualSavingsKrw),
    verifiedAnnualSavingsKrw: sum((row) => row.verifiedAnnualSavingsKrw),
    ghgReductionTco2e: roundTo(sum((row) => row.ghgReductionTco2e), 3),
  };
}

const sameFilter = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type FieldInfo = ReturnType<Cache['inspectFields']>[number];

/**
 * The loaded pages of one register, in order: its first page, then each page read after the one
 * before it (by cursor), as far as the chain is cached.
 */
function registerPages(cache: Cache, first: FieldInfo): { info: FieldInfo; list: MeasureRows }[] {
  const all = cache.inspectFields('Query').filter(
    (info) => info.fieldName === 'measures' && info.arguments?.first === first.arguments?.first && sameFilter(info.arguments?.filter, first.arguments?.filter),
  );
  const pages: { info: FieldInfo; list: MeasureRows }[] = [];
  let info: FieldInfo | undefined = first;
  while (info) {
    const list = readMeasureList(cache, info.arguments ?? {});
    if (!list) break;
    pages.push({ info, list });
    const end = list.pageInfo;
    info = end.hasNextPage ? all.find((other) => other.arguments?.after === end.endCursor) : undefined;
  }
  return pages;
}

/** The register's order, as the server pages it: creation time, then id. */
const measureBefore = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) => (a.createdAt === b.createdAt ? a.id < b.id : a.createdAt < b.createdAt);

function rewritePage(cache: Cache, info: FieldInfo, rewrite: (list: MeasureRows) => MeasureRows) {
  cache.updateQuery({ query: MeasureListMembersDocument, variables: info.arguments ?? {} }, (data: Data | null) => {
    const list = data?.measures as MeasureRows | undefined;
    return list ? ({ ...data, measures: rewrite(list) } as Data) : data;
  });
}

/**
 * Puts a measure in or out of a register at any length: taken out of the loaded page that shows
 * it, or put into the loaded page its place in the order falls in (a place in a page not loaded
 * yet only counts); every loaded page's count follows.
 */
function placeInRegister(cache: Cache, pages: { info: FieldInfo; list: MeasureRows }[], key: string, measureId: string, belongs: boolean) {
  const at = pages.findIndex(({ list }) => list.edges.some((edge) => edge.node.id === measureId));
  if (belongs === at >= 0) return;
  const createdAt = cache.resolve(key, 'createdAt') as string | undefined;
  const node = { __typename: 'Measure', id: measureId, createdAt: createdAt ?? '' };
  // Without its creation time a newcomer has no place: it only counts, until the register reads its pages again.
  const into = !belongs || !createdAt ? -1 : pages.findIndex(({ list }) => !list.pageInfo.hasNextPage || !measureBefore(list.edges.at(-1)?.node ?? node, node));
  pages.forEach(({ info }, index) =>
    rewritePage(cache, info, (list) => {
      let edges = list.edges;
      if (index === at) edges = edges.filter((edge) => edge.node.id !== measureId);
      if (index === into) {
        const before = edges.findIndex((edge) => measureBefore(node, edge.node));
        const edge = { __typename: 'MeasureEdge', node } as unknown as MeasureRows['edges'][number];
        edges = before < 0 ? [...edges, edge] : [...edges.slice(0, before), edge, ...edges.slice(before)];
      }
      return { ...list, totalCount: list.totalCount + (belongs ? 1 : -1), edges };
    }),
  );
}

/** A measure changed, was created or deleted: registers show it where their filter and order do, and their totals follow. */
function placeMeasure(cache: Cache, measureId: string, deleted: boolean) {
  const record = { __typename: 'Measure', id: measureId };
  const key = cache.keyOfEntity(record) as string;
  const registers = firstPages(cache, 'measures').map((first) => ({ first, pages: registerPages(cache, first) }));
  for (const { first, pages } of registers) {
    const filter = first.arguments?.filter as MeasureFilter | undefined;
    const belongs = deleted ? false : measureMatches(cache, key, filter);
    if (belongs === undefined) for (const { info } of pages) cache.invalidate('Query', info.fieldKey);
    else placeInRegister(cache, pages, key, measureId, belongs);
  }
  for (const totals of cache.inspectFields('Query').filter((info) => info.fieldName === 'measureTotals')) {
    const filter = totals.arguments?.filter;
    const register = registers.find(({ first }) => sameFilter(first.arguments?.filter, filter));
    // Re-read after placing: the totals are the sums of the register's rows when its loaded pages hold all of them.
    const rows = register ? registerPages(cache, register.first).map(({ list }) => list) : [];
    const last = rows.at(-1);
    const edges = rows.flatMap((list) => list.edges);
    if (!last || last.pageInfo.hasNextPage || edges.length !== last.totalCount) {
      cache.invalidate('Query', totals.fieldKey);
      continue;
    }
    const measureTotals = sumMeasures(edges, Boolean(totals.arguments?.includeDropped));
    cache.updateQuery({ query: MeasureTotalsOfDocument, variables: totals.arguments ?? {} }, () => ({ __typename: 'Query', measureTotals }));
  }
  if (deleted) cache.invalidate(record);
}

/** A new or changed diagnosis is in the lists of its company or participation (the page orders them by date). */
function placeDiagnosis(cache: Cache, diagnosis: { id: string; kind: string; company: { id: string }; participation: { id: string } }) {
  for (const list of firstPages(cache, 'diagnoses')) {
    const filter = (list.arguments?.filter ?? {}) as DiagnosisFilter;
    const belongs =
      (filter.companyId == null || filter.companyId === diagnosis.company.id) &&
      (filter.participationId == null || filter.participationId === diagnosis.participation.id) &&
      (filter.kind == null || filter.kind === diagnosis.kind);
    placeInList(cache, DiagnosisListMembersDocument, 'diagnoses', list.arguments ?? {}, { __typename: 'Diagnosis', id: diagnosis.id }, belongs);
  }
}

/**
 * A participation changed or was created: the record itself is normalized; a new one joins its
 * company's `participations`, and the year's filtered participation lists reload (a company
 * joining a year is rare, and their filters are the server's).
 */
function placeParticipation(cache: Cache, programYearId: string, companyId: string, participationId: string, created: boolean) {
  if (!created) return;
  const record = { __typename: 'Participation', id: participationId };
  const company = cache.keyOfEntity({ __typename: 'Company', id: companyId });
  const listed = company ? cache.resolve(company, 'participations') : undefined;
  if (company && Array.isArray(listed) && !listed.includes(cache.keyOfEntity(record))) cache.link(company, 'participations', [...(listed as string[]), record]);
  for (const list of cache.inspectFields('Query').filter((info) => info.fieldName === 'participations')) cache.invalidate('Query', list.fieldKey);
  const year = { __typename: 'ProgramYear', id: programYearId };
  for (const list of cache.inspectFields(year).filter((info) => info.fieldName === 'participations')) cache.invalidate(year, list.fieldKey);
}

/** Whether an event (already written to the cache) is in a calendar list with this filter. */
function calendarMatches(cache: Cache, key: string, filter: EventFilter | null | undefined): Verdict {
  // Whom a company is invited with is the server's to say (it depends on who may see the company).
  if (filter?.companyId != null) return undefined;
  const cancelledAt = cache.resolve(key, 'cancelledAt');
  const startsAt = cache.resolve(key, 'startsAt');
  const endsAt = cache.resolve(key, 'endsAt');
  const instant = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : undefined);
  const atOrAfter = (value: unknown, bound: string | null | undefined): Verdict => (bound == null ? true : value === undefined ? undefined : (instant(value) ?? NaN) >= Date.parse(bound));
  return all([
    filter?.includeCancelled ? true : cancelledAt === undefined ? undefined : cancelledAt === null,
    equalOrUnknown(cache.resolve(key, 'kind'), filter?.kind),
    atOrAfter(endsAt, filter?.from),
    filter?.to == null ? true : startsAt === undefined ? undefined : (instant(startsAt) ?? NaN) < Date.parse(filter.to),
  ]);
}

/**
 * An event was scheduled, changed or cancelled, or left the viewer's calendar (`gone`): every
 * cached first page of its year's calendar shows it where its filter does, in calendar order
 * (by start, as the server lists them), so a moved event moves too.
 */
function placeEvent(cache: Cache, programYearId: string, eventId: string, gone: boolean) {
  const record = { __typename: 'ProgramEvent', id: eventId };
  const key = cache.keyOfEntity(record) as string;
  for (const list of firstPages(cache, 'events')) {
    const variables = list.arguments ?? {};
    if (variables.programYearId !== programYearId) continue;
    const belongs = gone ? false : calendarMatches(cache, key, variables.filter as EventFilter | undefined);
    if (belongs === undefined) {
      cache.invalidate('Query', list.fieldKey);
      continue;
    }
    cache.updateQuery({ query: EventListMembersDocument, variables: { ...variables, programYearId } }, (data: Data | null) => {
      const list = data?.events as { totalCount: number; edges: { node: { id: string; startsAt: string } }[] } | undefined;
      if (!list) return data;
      const others = list.edges.filter((edge) => edge.node.id !== eventId);
      const present = others.length !== list.edges.length;
      if (!belongs && !present) return data;
      const startsAt = cache.resolve(key, 'startsAt') as string;
      const edges: object[] = [...others];
      if (belongs) {
        const at = others.findIndex((edge) => Date.parse(edge.node.startsAt) > Date.parse(startsAt));
        edges.splice(at === -1 ? edges.length : at, 0, { __typename: 'ProgramEventEdge', node: { __typename: 'ProgramEvent', id: eventId, startsAt } });
      }
      const totalCount = list.totalCount + (belongs === present ? 0 : belongs ? 1 : -1);
      return { ...data, events: { ...list, totalCount, edges } } as Data;
    });
  }
  // Whatever still shows an event that left the calendar (its own page) reloads and learns it is gone.
  if (gone) cache.invalidate(record);
}

/**
 * A company's board row changed (its newest copy is already in the cache: a late, older copy
 * carries only its identity past versionGuardExchange): every cached board of its year shows it
 * where its filter and order put it, and the year's KPIs become the event's.
 */
function placeBoardRow(cache: Cache, programYearId: string, change: Omit<BoardRowChangedSubscription['boardRowChanged'], 'seq'>) {
  cache.updateQuery({ query: BoardYearKpisDocument, variables: { programYearId } }, (data) => {
    const kpis = data?.programYear?.kpis;
    if (!data?.programYear || !kpis) return data;
    return { ...data, programYear: { ...data.programYear, kpis: { ...kpis, totals: change.totals, byCategory: change.byCategory, budget: change.budget } } };
  });
  const companyId = change.companyId;
  if (!companyId) return;
  const row = change.row ? (cache.readFragment(BoardRowMembershipFragmentDoc, { __typename: 'BoardRow', id: change.row.id }) as BoardMember | null) : null;
  // A row the cache cannot read in full cannot be judged: leave the boards as they are.
  if (change.row && !row) return;
  const year = { __typename: 'ProgramYear', id: programYearId };
  for (const list of cache.inspectFields(year).filter((info) => info.fieldName === 'board')) {
    const filter = (list.arguments?.filter ?? {}) as BoardFilter;
    cache.updateQuery({ query: BoardListMembersDocument, variables: { programYearId, filter: list.arguments?.filter as BoardFilter | undefined } }, (data) => {
      const rows = data?.programYear?.board;
      if (!data?.programYear || !rows) return data;
      const placed = placeRow(rows, companyId, row, filter);
      return placed === rows ? data : { ...data, programYear: { ...data.programYear, board: [...placed] } };
    });
  }
}

interface TaskEvent {
  kind: string;
  taskId: string;
  companyId?: string;
  task?: object | null;
}
interface CommentEvent {
  kind: string;
  taskId: string;
  commentId: string;
  comment?: { deletedAt?: string | null } | null;
}
interface MeasureEvent {
  kind: string;
  measureId: string;
  measure?: object | null;
}

/**
 * Only an event that carries its record (or says it is gone) can be applied: a subscription that
 * selects just the ids serves a page that reacts on its own.
 */
function carries(event: object, field: string, kind: string): boolean {
  return kind === 'DELETED' || field in event;
}

/** Who is signed in, for lists that depend on it (my tasks): the answer of every way in. */
function signedIn(field: string) {
  return (result: Data, _args: Variables, cache: Cache) => {
    const person = result[field] as Data | null;
    if (person) cache.link('Query', 'viewer', person);
  };
}

/** A scheduled event joins its year's calendars; an edited or cancelled one may move in them or leave. */
function placeChangedEvent(field: 'createEvent' | 'updateEvent' | 'cancelEvent') {
  return (result: Data, _args: Variables, cache: Cache) => {
    const event = result[field] as { id: string; programYear: { id: string } } | null;
    if (event) placeEvent(cache, event.programYear.id, event.id, false);
  };
}

const updates: UpdatesConfig = {
  Subscription: {
    taskChanged(result, _args, cache) {
      const event = result.taskChanged as TaskEvent;
      if (!carries(event, 'task', event.kind)) return;
      placeTask(cache, event.taskId, event.companyId ?? null, event.kind === 'DELETED' || !event.task);
    },
    commentChanged(result, _args, cache) {
      const event = result.commentChanged as CommentEvent;
      if (!carries(event, 'comment', event.kind)) return;
      placeComment(cache, event.taskId, event.commentId, event.kind === 'DELETED' || !event.comment || Boolean(event.comment.deletedAt));
    },
    diagnosisChanged(result, _args, cache) {
      const event = result.diagnosisChanged as { diagnosis?: Parameters<typeof placeDiagnosis>[1] };
      if (event.diagnosis) placeDiagnosis(cache, event.diagnosis);
    },
    participationChanged(result, args, cache) {
      const event = result.participationChanged as { kind: string; companyId: string; participationId: string; participation?: object | null };
      if (!carries(event, 'participation', event.kind)) return;
      placeParticipation(cache, args.programYearId as string, event.companyId, event.participationId, event.kind === 'CREATED');
    },
    eventChanged(result, args, cache) {
      const change = result.eventChanged as { eventId: string; event?: object | null };
      if (!('event' in change)) return;
      placeEvent(cache, args.programYearId as string, change.eventId, !change.event);
    },
    boardRowChanged(result, args, cache) {
      placeBoardRow(cache, args.programYearId as string, result.boardRowChanged as BoardRowChangedSubscription['boardRowChanged']);
    },
    measureChanged(result, _args, cache) {
      const event = result.measureChanged as MeasureEvent;
      if (!carries(event, 'measure', event.kind)) return;
      placeMeasure(cache, event.measureId, event.kind === 'DELETED' || !event.measure);
    },
  },
  Mutation: {
    signIn: signedIn('signIn'),
    signInWithLink: signedIn('signInWithLink'),
    acceptInvitation: signedIn('acceptInvitation'),
    signOut(_result, _args, cache) {
      cache.link('Query', 'viewer', null);
    },
    createTask(result, args, cache) {
      const task = result.createTask as { id: string } | null;
      if (task) placeTask(cache, task.id, (args.input as { companyId: string }).companyId, false);
    },
    archiveTask(result, _args, cache) {
      const task = result.archiveTask as { id: string } | null;
      if (task) placeTask(cache, task.id, null, true);
    },
    addComment(result, args, cache) {
      const comment = result.addComment as { id: string } | null;
      if (comment) placeComment(cache, (args.input as { taskId: string }).taskId, comment.id, false);
    },
    deleteComment(result, _args, cache) {
      const comment = result.deleteComment as { id: string } | null;
      if (!comment) return;
      for (const list of firstPages(cache, 'comments')) placeComment(cache, list.arguments?.taskId as string, comment.id, true);
    },
    createDiagnosis(result, _args, cache) {
      const diagnosis = result.createDiagnosis as Parameters<typeof placeDiagnosis>[1] | null;
      if (diagnosis) placeDiagnosis(cache, diagnosis);
    },
    createEvent: placeChangedEvent('createEvent'),
    updateEvent: placeChangedEvent('updateEvent'),
    cancelEvent: placeChangedEvent('cancelEvent'),
    createMeasure(result, _args, cache) {
      const measure = result.createMeasure as { id: string } | null;
      if (measure) placeMeasure(cache, measure.id, false);
    },
    transitionMeasure(result, _args, cache) {
      const measure = result.transitionMeasure as { id: string } | null;
      if (measure) placeMeasure(cache, measure.id, false);
    },
    archiveMeasure(result, _args, cache) {
      // Still readable (its page says it is archived): it leaves the registers that hide archived ones.
      const measure = result.archiveMeasure as { id: string } | null;
      if (measure) placeMeasure(cache, measure.id, false);
    },
  },
};

export function normalizedCacheExchange(): Exchange {
  return cacheExchange({ schema, keys: embeddedTypes(), updates });
}

/**
 * Events and query answers can cross: an answer read before a change may arrive after the
 * change's event. Every record carries a `version`; a result that holds a record older than one
 * already seen passes on only its identity, so the cache keeps the newer fields.
 */
export function versionGuardExchange(): Exchange {
  const newest = new Map<string, number>();
  function guard(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(guard);
    if (!value || typeof value !== 'object') return value;
    const record = value as Record<string, unknown>;
    const { __typename: typename, id, version } = record;
    if (typeof typename === 'string' && typeof id === 'string' && typeof version === 'number') {
      const key = `${typename}:${id}`;
      const seen = newest.get(key);
      if (seen !== undefined && version < seen) return { __typename: typename, id };
      newest.set(key, version);
    }
    const guarded: Record<string, unknown> = {};
    for (const [field, inner] of Object.entries(record)) guarded[field] = guard(inner);
    return guarded;
  }
  return mapExchange({ onResult: (result) => (result.data ? { ...result, data: guard(result.data) as Data } : result) });
}
