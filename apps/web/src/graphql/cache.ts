import { roundTo, TASK_STATUSES, type TaskStatus } from '@ecohub/domain';
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
  MeasureListFiguresDocument,
  MeasureListMembersDocument,
  MeasureTotalsOfDocument,
  ParticipationListMembersDocument,
  MyTaskListMembersDocument,
  TaskListMembersDocument,
  type BoardFilter,
  type BoardRowChangedSubscription,
  type DiagnosisFilter,
  type EventFilter,
  type MeasureFilter,
  type MeasureListFiguresQuery,
  type ParticipationFilter,
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

type MeasureRows = MeasureListFiguresQuery['measures'];

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

/** One loaded page of a register: a connection with its count, its end and its rows in order. */
interface RegisterPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: { node: { __typename?: string; id: string } }[];
}

/**
 * A list the client pages through ("more") and keeps live at any length: which cached fields are
 * its pages, what of a row decides its place (the server's order), and how the cache reads them.
 */
interface PagedList {
  field: string;
  typename: string;
  document: Parameters<Cache['updateQuery']>[0]['query'];
  /** The row's fields the order reads, as the cache holds them; undefined when it does not hold them all. */
  place: (cache: Cache, key: string) => Record<string, string> | undefined;
  /** Whether row a comes before row b in the server's order. */
  before: (a: Record<string, string>, b: Record<string, string>) => boolean;
}

/** Ordered by creation time, then id (as the server pages measures). */
const MEASURE_REGISTER: PagedList = {
  field: 'measures',
  typename: 'Measure',
  document: MeasureListMembersDocument,
  place: (cache, key) => fieldsOf(cache, key, ['createdAt']),
  before: (a, b) => (a.createdAt === b.createdAt ? a.id! < b.id! : a.createdAt! < b.createdAt!),
};

/** The register's pages with the figures its totals add up (a list that does not show them reads as none). */
const MEASURE_FIGURES: PagedList = { ...MEASURE_REGISTER, document: MeasureListFiguresDocument };

/** Ordered by application day, then id (as the server pages participations). */
const COMPANY_REGISTER: PagedList = {
  field: 'participations',
  typename: 'Participation',
  document: ParticipationListMembersDocument,
  place: (cache, key) => fieldsOf(cache, key, ['appliedOn']),
  before: (a, b) => (a.appliedOn === b.appliedOn ? a.id! < b.id! : a.appliedOn! < b.appliedOn!),
};

/** Board order: the columns in the domain's order, then rank (byte-wise), then id (as the server pages tasks). */
function boardBefore(a: Record<string, string>, b: Record<string, string>): boolean {
  const [left, right] = [TASK_STATUSES.indexOf(a.status as TaskStatus), TASK_STATUSES.indexOf(b.status as TaskStatus)];
  if (left !== right) return left < right;
  return a.rank === b.rank ? a.id! < b.id! : a.rank! < b.rank!;
}
const boardPlace = (cache: Cache, key: string) => fieldsOf(cache, key, ['status', 'rank']);
const TASK_LIST: PagedList = { field: 'tasks', typename: 'Task', document: TaskListMembersDocument, place: boardPlace, before: boardBefore };
/** My tasks, in the same order across companies. */
const MY_TASK_LIST: PagedList = { field: 'myTasks', typename: 'Task', document: MyTaskListMembersDocument, place: boardPlace, before: boardBefore };

/** In calendar order: by start, then id (as the server pages events). */
const EVENT_CALENDAR: PagedList = {
  field: 'events',
  typename: 'ProgramEvent',
  document: EventListMembersDocument,
  place: (cache, key) => fieldsOf(cache, key, ['startsAt']),
  before: (a, b) => {
    const [left, right] = [Date.parse(a.startsAt!), Date.parse(b.startsAt!)];
    return left === right ? a.id! < b.id! : left < right;
  },
};

function fieldsOf(cache: Cache, key: string, fields: string[]): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = cache.resolve(key, field);
    if (typeof value !== 'string') return undefined;
    values[field] = value;
  }
  return values;
}

function readPage(cache: Cache, list: PagedList, variables: Variables): RegisterPage | null {
  const data = cache.readQuery({ query: list.document, variables }) as Data | null;
  return (data?.[list.field] as RegisterPage | undefined) ?? null;
}

/** Every argument but the cursor names the register a page belongs to. */
function sameRegister(a: FieldInfo, b: FieldInfo) {
  const { after: _a, ...left } = a.arguments ?? {};
  const { after: _b, ...right } = b.arguments ?? {};
  return sameFilter(Object.entries(left).sort(), Object.entries(right).sort());
}

/**
 * The loaded pages of one register, in order: its first page, then each page read after the one
 * before it (by cursor), as far as the chain is cached.
 */
function registerPages(cache: Cache, list: PagedList, first: FieldInfo): { info: FieldInfo; page: RegisterPage }[] {
  const all = cache.inspectFields('Query').filter((info) => info.fieldName === list.field && sameRegister(info, first));
  const pages: { info: FieldInfo; page: RegisterPage }[] = [];
  let info: FieldInfo | undefined = first;
  while (info) {
    const page = readPage(cache, list, info.arguments ?? {});
    if (!page) break;
    pages.push({ info, page });
    const end = page.pageInfo;
    info = end.hasNextPage ? all.find((other) => other.arguments?.after === end.endCursor) : undefined;
  }
  return pages;
}

function rewritePage(cache: Cache, list: PagedList, info: FieldInfo, rewrite: (page: RegisterPage) => RegisterPage) {
  cache.updateQuery({ query: list.document, variables: info.arguments ?? {} }, (data: Data | null) => {
    const page = data?.[list.field] as RegisterPage | undefined;
    return page ? ({ ...data, [list.field]: rewrite(page) } as Data) : data;
  });
}

/**
 * Puts a row in or out of a register at any length: taken out of the loaded page that shows it,
 * or put into the loaded page its place in the order falls in; every loaded page's count follows.
 * A row whose place lies past the loaded pages only counts, and whether it counted before is then
 * the caller's to say (`wasMember`: a created row did not); when nobody can tell, the register's
 * pages reload rather than show a wrong count.
 */
function placeInRegister(cache: Cache, list: PagedList, pages: { info: FieldInfo; page: RegisterPage }[], id: string, belongs: boolean, wasMember: boolean | undefined) {
  const at = pages.findIndex(({ page }) => page.edges.some((edge) => edge.node.id === id));
  const place = list.place(cache, cache.keyOfEntity({ __typename: list.typename, id }) as string);
  const node = { __typename: list.typename, id, ...place };
  const nodeOf = (edge: RegisterPage['edges'][number]) => edge.node as unknown as Record<string, string>;
  if (belongs && at >= 0) {
    // Still between its neighbours: nothing to do; otherwise its order changed (an event moved) and it moves.
    const rows = pages.flatMap(({ page }) => page.edges.map(nodeOf));
    const index = rows.findIndex((row) => row.id === id);
    const [previous, next] = [rows[index - 1], rows[index + 1]];
    if (!place || ((!previous || !list.before(node, previous)) && (!next || !list.before(next, node)))) return;
  }
  // The loaded page its order puts it in; -1 past the loaded rows, or without the fields of its place.
  const lastOther = (page: RegisterPage) => page.edges.filter((edge) => edge.node.id !== id).at(-1);
  const into = !place
    ? -1
    : pages.findIndex(({ page }) => {
        const last = lastOther(page);
        return !page.pageInfo.hasNextPage || !last || !list.before(nodeOf(last), node);
      });
  let change: number;
  if (at >= 0) change = belongs ? 0 : -1;
  else if (into >= 0) {
    // Its place is among the loaded rows and it is not there: it was not in the register.
    if (!belongs) return;
    change = 1;
  } else if (!belongs && !pages.at(-1)?.page.pageInfo.hasNextPage) {
    // Every page is loaded and none shows it (a repeated or replayed removal): it was not in the list.
    return;
  } else {
    if (wasMember === undefined) {
      for (const { info } of pages) cache.invalidate('Query', info.fieldKey);
      return;
    }
    if (wasMember === belongs) return;
    change = belongs ? 1 : -1;
  }
  const insertAt = belongs ? into : -1;
  pages.forEach(({ info }, index) =>
    rewritePage(cache, list, info, (page) => {
      let edges = page.edges;
      if (index === at) edges = edges.filter((edge) => edge.node.id !== id);
      if (index === insertAt) {
        const before = edges.findIndex((edge) => list.before(node, nodeOf(edge)));
        const edge = { __typename: `${list.typename}Edge`, node };
        edges = before < 0 ? [...edges, edge] : [...edges.slice(0, before), edge, ...edges.slice(before)];
      }
      return { ...page, totalCount: page.totalCount + change, edges };
    }),
  );
}

/** A list the cache cannot judge reloads: every loaded page of it, or its first when none reads as a page. */
function reload(cache: Cache, first: FieldInfo, pages: { info: FieldInfo }[]) {
  for (const { info } of pages.length ? pages : [{ info: first }]) cache.invalidate('Query', info.fieldKey);
}

/**
 * A task changed, was created or deleted: every loaded page of the task lists it belongs to shows
 * it where the board order puts it (across pages: a task moved to another column moves between
 * pages too), and no other list does.
 */
function placeTask(cache: Cache, taskId: string, companyId: string | null, deleted: boolean, created = false) {
  const record = { __typename: 'Task', id: taskId };
  const key = cache.keyOfEntity(record) as string;
  const wasMember = created ? false : undefined;
  for (const first of firstPages(cache, 'tasks')) {
    const pages = registerPages(cache, TASK_LIST, first);
    const belongs = deleted ? false : taskMatches(cache, key, companyId, first.arguments?.filter as TaskFilter | undefined);
    if (belongs === undefined) reload(cache, first, pages);
    else placeInRegister(cache, TASK_LIST, pages, taskId, belongs, wasMember);
  }
  for (const first of firstPages(cache, 'myTasks')) {
    const pages = registerPages(cache, MY_TASK_LIST, first);
    const me = viewerId(cache);
    const assignees = linkedIds(cache, key, 'assignees');
    const mine = deleted ? false : me && assignees ? assignees.includes(me) && taskMatches(cache, key, companyId, first.arguments?.filter as TaskFilter) : undefined;
    if (mine === undefined) reload(cache, first, pages);
    else placeInRegister(cache, MY_TASK_LIST, pages, taskId, mine, wasMember);
  }
  // Whatever still shows a deleted task (its own page) reloads and learns that it is gone.
  if (deleted) cache.invalidate(record);
}

/** A measure changed, was created or deleted: registers show it where their filter and order do, and their totals follow. */
function placeMeasure(cache: Cache, measureId: string, deleted: boolean, created = false) {
  const record = { __typename: 'Measure', id: measureId };
  const key = cache.keyOfEntity(record) as string;
  const registers = firstPages(cache, 'measures').map((first) => ({ first, pages: registerPages(cache, MEASURE_REGISTER, first) }));
  for (const { first, pages } of registers) {
    const filter = first.arguments?.filter as MeasureFilter | undefined;
    const belongs = deleted ? false : measureMatches(cache, key, filter);
    if (belongs === undefined) reload(cache, first, pages);
    else placeInRegister(cache, MEASURE_REGISTER, pages, measureId, belongs, created ? false : undefined);
  }
  for (const totals of cache.inspectFields('Query').filter((info) => info.fieldName === 'measureTotals')) {
    const filter = totals.arguments?.filter;
    const register = registers.find(({ first }) => sameFilter(first.arguments?.filter, filter));
    // Re-read after placing: the totals are the sums of the register's rows when its loaded pages hold all of them.
    const rows = register ? registerPages(cache, MEASURE_FIGURES, register.first).map(({ page }) => page as MeasureRows) : [];
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

/** Whether a participation (already written to the cache) is in a year's list with this filter. */
function participationMatches(cache: Cache, key: string, filter: ParticipationFilter | null | undefined): Verdict {
  const search = filter?.search?.trim().toLocaleLowerCase();
  const company = cache.resolve(key, 'company') as string | null | undefined;
  const names = company ? [cache.resolve(company, 'nameKo'), cache.resolve(company, 'nameEn')] : undefined;
  return all([
    equalOrUnknown(cache.resolve(key, 'status'), filter?.status),
    equalOrUnknown(linkedId(cache, key, 'team'), filter?.teamId),
    !search ? true : names?.[0] === undefined ? undefined : names.some((name) => typeof name === 'string' && name.toLocaleLowerCase().includes(search)),
  ]);
}

/**
 * A participation changed or was created (the record itself is normalized): a new one joins its
 * company's `participations`, and every loaded page of its year's registers shows it where their
 * filter and order do, so a register of any length stays live without reloading. Only the year's
 * own `participations` field (which years have companies) reloads on a newcomer.
 */
function placeParticipation(cache: Cache, programYearId: string, companyId: string, participationId: string, created: boolean) {
  const record = { __typename: 'Participation', id: participationId };
  const key = cache.keyOfEntity(record) as string;
  const company = cache.keyOfEntity({ __typename: 'Company', id: companyId });
  const listed = company ? cache.resolve(company, 'participations') : undefined;
  if (created && company && Array.isArray(listed) && !listed.includes(key)) cache.link(company, 'participations', [...(listed as string[]), record]);
  for (const first of firstPages(cache, 'participations')) {
    if (first.arguments?.programYearId !== programYearId) continue;
    const pages = registerPages(cache, COMPANY_REGISTER, first);
    const filter = first.arguments?.filter as ParticipationFilter | undefined;
    const belongs = participationMatches(cache, key, filter);
    // A changed participation was in every unfiltered register of its year already.
    const wasMember = created ? false : !filter?.status && !filter?.teamId && !filter?.search?.trim() ? true : undefined;
    if (belongs === undefined) reload(cache, first, pages);
    else placeInRegister(cache, COMPANY_REGISTER, pages, participationId, belongs, wasMember);
  }
  if (!created) return;
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
 * loaded page of its year's calendars shows it where its filter and calendar order (by start, as
 * the server lists them) put it, so a moved event moves too, across pages.
 */
function placeEvent(cache: Cache, programYearId: string, eventId: string, gone: boolean, created = false) {
  const record = { __typename: 'ProgramEvent', id: eventId };
  const key = cache.keyOfEntity(record) as string;
  for (const first of firstPages(cache, 'events')) {
    if (first.arguments?.programYearId !== programYearId) continue;
    const pages = registerPages(cache, EVENT_CALENDAR, first);
    const belongs = gone ? false : calendarMatches(cache, key, first.arguments?.filter as EventFilter | undefined);
    if (belongs === undefined) reload(cache, first, pages);
    else placeInRegister(cache, EVENT_CALENDAR, pages, eventId, belongs, created ? false : undefined);
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
  const rowId = change.row?.id;
  // A copy without per-category figures (a whole-year board's) makes any cached ones stale.
  if (change.row && 'company' in change.row && !('byCategory' in change.row)) cache.invalidate({ __typename: 'BoardRow', id: rowId! }, 'byCategory');
  const member = (withCategories: boolean) =>
    rowId ? (cache.readFragment(BoardRowMembershipFragmentDoc, { __typename: 'BoardRow', id: rowId }, { withCategories }) as BoardMember | null) : null;
  const row = member(false);
  // A row the cache cannot read in full cannot be judged: leave the boards as they are.
  if (change.row && !row) return;
  const year = { __typename: 'ProgramYear', id: programYearId };
  for (const list of cache.inspectFields(year).filter((info) => info.fieldName === 'board')) {
    const filter = (list.arguments?.filter ?? {}) as BoardFilter;
    // Only a category board needs the row's categories to place it; without them cached it stays as it is.
    const judged = filter.category ? member(true) : row;
    if (change.row && !judged) continue;
    const variables = { programYearId, filter: list.arguments?.filter as BoardFilter | undefined, withCategories: Boolean(filter.category) };
    cache.updateQuery({ query: BoardListMembersDocument, variables }, (data) => {
      const rows = data?.programYear?.board;
      if (!data?.programYear || !rows) return data;
      const placed = placeRow(rows, companyId, judged, filter);
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
    // Never counted as new past the loaded pages: its own event (CREATED) counts it there, and may come first.
    if (event) placeEvent(cache, event.programYear.id, event.id, false);
  };
}

const updates: UpdatesConfig = {
  Subscription: {
    taskChanged(result, _args, cache) {
      const event = result.taskChanged as TaskEvent;
      if (!carries(event, 'task', event.kind)) return;
      placeTask(cache, event.taskId, event.companyId ?? null, event.kind === 'DELETED' || !event.task, event.kind === 'CREATED');
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
      const change = result.eventChanged as { kind: string; eventId: string; event?: object | null };
      if (!('event' in change)) return;
      placeEvent(cache, args.programYearId as string, change.eventId, !change.event, change.kind === 'CREATED');
    },
    boardRowChanged(result, args, cache) {
      placeBoardRow(cache, args.programYearId as string, result.boardRowChanged as BoardRowChangedSubscription['boardRowChanged']);
    },
    measureChanged(result, _args, cache) {
      const event = result.measureChanged as MeasureEvent;
      if (!carries(event, 'measure', event.kind)) return;
      placeMeasure(cache, event.measureId, event.kind === 'DELETED' || !event.measure, event.kind === 'CREATED');
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
      // Not counted as new past the loaded pages: its own event (CREATED) counts it there, and may come first.
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
      // Not counted as new past the loaded pages: its own event (CREATED) counts it there, and may come first.
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
