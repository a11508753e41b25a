import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allowedNext, measureMachine, mentionToken, ParticipationStatus, Role, taskMachine, type MeasureStatus, type TaskStatus } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fixtures, seededRandom, startTestServer, type TestClient, type TestServer } from '../../testing/index.ts';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';

/**
 * The visibility oracle: seeded random changes of every kind (tasks, comments of both
 * visibilities, measures, diagnoses, files on every target including internal comments, events
 * of both audiences, invitations, attendance, teams, participations, people and roles, program
 * and year) while every role watches every subscription it may open. Afterwards, for every
 * viewer and subscription, what arrived live must be exactly what that viewer's own queries
 * return for the same records: the same records, nothing more or less, field by field.
 *
 * Rights of the watching viewers stay fixed during the run (team and people changes touch a
 * third company, its team and people nobody watches), so "afterwards" and "at the time" agree.
 * ORACLE_SEED=<n> replays a run; a failure prints its seed.
 */
const SEED = Number(process.env.ORACLE_SEED ?? 20_121_122);
const CHANGES = Number(process.env.ORACLE_CHANGES ?? 240);

const ENTRY = 'id action entityType entityId summary createdAt changes { field from to } actor { id } company { id }';
const NOTE = 'id kind actor { id } task { id } comment { id } company { id }';
const TASK = 'id title status version archivedAt company { id } assignees { id } commentCount lastEditedBy { id name } lastEditedAt';
const COMMENT = 'id body visibility version deletedAt author { id }';
const MEASURE = 'id title status version investmentKrw archivedAt company { id } lastEditedBy { id name } lastEditedAt';
const DIAGNOSIS = 'id kind findings version company { id } lastEditedBy { id name } lastEditedAt';
const ROW = 'company { id } stage taskCounts { total done } measureCounts { total } investmentKrw';
const PARTICIPATION = 'id status version team { id }';
const EVENT = 'id title venue version cancelledAt invitedCount attendedCount invitedCompanies { id }';

type Viewer = 'admin' | 'manager' | 'expertA' | 'expertB' | 'staffA' | 'staffB' | 'observer';
const VIEWERS: Viewer[] = ['admin', 'manager', 'expertA', 'expertB', 'staffA', 'staffB', 'observer'];
const WORK_READERS: Viewer[] = ['admin', 'manager', 'expertA', 'expertB', 'staffA', 'staffB'];

type Node = Record<string, unknown> & { id: string };
interface Subscriptions {
  activity?: LiveSubscription<{ seq: number; entry: Node }>;
  activityOf: Map<string, LiveSubscription<{ seq: number; entry: Node }>>;
  notifications?: LiveSubscription<{ seq: number; notification: Node }>;
  tasks?: LiveSubscription<{ seq: number; kind: string; taskId: string; task: Node | null }>;
  comments: Map<string, LiveSubscription<{ seq: number; kind: string; commentId: string; comment: Node | null }>>;
  measures: LiveSubscription<{ seq: number; kind: string; measureId: string; measure: Node | null }>;
  diagnosesOf: Map<string, LiveSubscription<{ seq: number; diagnosisId: string; diagnosis: Node }>>;
  board: LiveSubscription<{ seq: number; companyId: string; row: Node | null }>;
  participations: LiveSubscription<{ seq: number; participationId: string; participation: Node | null }>;
  events: LiveSubscription<{ seq: number; eventId: string; event: Node | null }>;
}

describe('visibility oracle: live deliveries equal each viewer’s own queries', () => {
  let hub: TestServer;
  let fx: Fixtures;
  let dir: string;
  let yearId: string;
  let programId: string;
  const clients = {} as Record<Viewer | 'expertC' | 'staffC', TestClient>;
  const ids = {} as Record<Viewer | 'expertC' | 'expertD' | 'staffC' | 'companyA' | 'companyB' | 'companyC' | 'teamA' | 'teamB' | 'teamC' | 'participationC', string>;
  const subs = new Map<Viewer, Subscriptions>();
  const sockets: LiveClient[] = [];
  /** Tasks watched with commentChanged (one per watched company). */
  const threads: string[] = [];
  let since = 0;
  const counts = new Map<string, number>();
  let subscriptionCount = 0;

  const sql = <T>(query: string, params: unknown[] = []) => hub.server.orm.em.fork().execute<T[]>(query, params);
  const companyOf = (viewer: Viewer): string[] =>
    viewer === 'expertA' || viewer === 'staffA' ? [ids.companyA] : viewer === 'expertB' || viewer === 'staffB' ? [ids.companyB] : [ids.companyA, ids.companyB, ids.companyC];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecohub-oracle-'));
    hub = await startTestServer({ seeded: false, env: { ATTACHMENTS_DIR: dir } });
    fx = new Fixtures(hub.server.orm);
    const { program, year } = await fx.program();
    programId = program.id;
    yearId = year.id;
    const [a, b, c] = [await fx.company({ nameKo: '가온도금' }), await fx.company({ nameKo: '나래염색' }), await fx.company({ nameKo: '다온화학' })];
    const expertA = await fx.person({ role: Role.EXPERT, name: '강전문' });
    const expertB = await fx.person({ role: Role.EXPERT, name: '나전문' });
    const expertC = await fx.person({ role: Role.EXPERT, name: '다전문' });
    const expertD = await fx.person({ role: Role.EXPERT, name: '라전문' });
    const teamA = await fx.team(year, { name: 'A팀', lead: expertA });
    const teamB = await fx.team(year, { name: 'B팀', members: [{ person: expertB }] });
    const teamC = await fx.team(year, { name: 'C팀', lead: expertC });
    await fx.participation(a, year, { status: ParticipationStatus.ACTIVE, team: teamA });
    await fx.participation(b, year, { status: ParticipationStatus.ACTIVE, team: teamB });
    const participationC = await fx.participation(c, year, { status: ParticipationStatus.APPLIED });
    const people = {
      admin: await fx.person({ role: Role.ADMIN, name: '관리자' }),
      manager: await fx.person({ role: Role.PROGRAM_MANAGER, name: '김정민' }),
      expertA,
      expertB,
      staffA: await fx.person({ role: Role.COMPANY_STAFF, company: a, name: '가직원' }),
      staffB: await fx.person({ role: Role.COMPANY_STAFF, company: b, name: '나직원' }),
      observer: await fx.person({ role: Role.OBSERVER, name: '최영호' }),
      expertC,
      staffC: await fx.person({ role: Role.COMPANY_STAFF, company: c, name: '다직원' }),
    };
    for (const [key, person] of Object.entries(people)) {
      clients[key as Viewer] = await fx.clientFor(hub.url, person);
      ids[key as Viewer] = person.id;
    }
    Object.assign(ids, {
      expertD: expertD.id,
      companyA: a.id,
      companyB: b.id,
      companyC: c.id,
      teamA: teamA.id,
      teamB: teamB.id,
      teamC: teamC.id,
      participationC: participationC.id,
    });
    for (const companyId of [a.id, b.id]) {
      const { createTask } = await clients.manager.data<{ createTask: { id: string } }>('mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
        input: { companyId, title: '의견 나눔 과제' },
      });
      threads.push(createTask.id);
    }
    since = (await clients.manager.data<{ liveSequence: number }>('{ liveSequence }')).liveSequence;

    for (const viewer of VIEWERS) {
      const socket = new LiveClient(hub.url, { cookie: clients[viewer].cookie, retry: false });
      sockets.push(socket);
      const reads = WORK_READERS.includes(viewer);
      const watch = <T extends { seq: number }>(query: string, variables: Record<string, unknown>) => {
        subscriptionCount += 1;
        return socket.subscribe<T>(query, { since, ...variables });
      };
      subs.set(viewer, {
        activity: reads ? watch('subscription($since: SafeInt) { activityAdded(since: $since) { seq entry { ' + ENTRY + ' } } }', {}) : undefined,
        activityOf: new Map(
          reads
            ? companyOf(viewer).map((companyId) => [
                companyId,
                watch<{ seq: number; entry: Node }>('subscription($c: ID, $since: SafeInt) { activityAdded(companyId: $c, since: $since) { seq entry { ' + ENTRY + ' } } }', { c: companyId }),
              ])
            : [],
        ),
        notifications: reads ? watch('subscription($since: SafeInt) { notificationAdded(since: $since) { seq notification { ' + NOTE + ' } } }', {}) : undefined,
        tasks: reads ? watch('subscription($y: ID, $since: SafeInt) { taskChanged(programYearId: $y, since: $since) { seq kind taskId task { ' + TASK + ' } } }', { y: yearId }) : undefined,
        comments: new Map(
          reads
            ? threads
                .filter((_, i) => companyOf(viewer).includes(i === 0 ? ids.companyA : ids.companyB))
                .map((taskId) => [
                  taskId,
                  watch<{ seq: number; kind: string; commentId: string; comment: Node | null }>(
                    'subscription($t: ID!, $since: SafeInt) { commentChanged(taskId: $t, since: $since) { seq kind commentId comment { ' + COMMENT + ' } } }',
                    { t: taskId },
                  ),
                ])
            : [],
        ),
        diagnosesOf: new Map(
          reads
            ? companyOf(viewer).map((companyId) => [
                companyId,
                watch<{ seq: number; diagnosisId: string; diagnosis: Node }>('subscription($c: ID!, $since: SafeInt) { diagnosisChanged(companyId: $c, since: $since) { seq diagnosisId diagnosis { ' + DIAGNOSIS + ' } } }', { c: companyId }),
              ])
            : [],
        ),
        measures: watch('subscription($y: ID, $since: SafeInt) { measureChanged(programYearId: $y, since: $since) { seq kind measureId measure { ' + MEASURE + ' } } }', { y: yearId }),
        board: watch('subscription($y: ID!, $since: SafeInt) { boardRowChanged(programYearId: $y, since: $since) { seq companyId row { ' + ROW + ' } } }', { y: yearId }),
        participations: watch(
          'subscription($y: ID!, $since: SafeInt) { participationChanged(programYearId: $y, since: $since) { seq participationId participation { ' + PARTICIPATION + ' } } }',
          { y: yearId },
        ),
        events: watch('subscription($y: ID!, $since: SafeInt) { eventChanged(programYearId: $y, since: $since) { seq eventId event { ' + EVENT + ' } } }', { y: yearId }),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`matches every live delivery to the viewer's queries after ${CHANGES} random changes of every kind`, async () => {
    try {
      await run();
    } catch (error) {
      console.error(`visibility oracle failed with ORACLE_SEED=${SEED} (ORACLE_CHANGES=${CHANGES})`);
      throw error;
    }
  }, 180_000);

  it('refuses the subscriptions a role may not open at all', async () => {
    const socket = new LiveClient(hub.url, { cookie: clients.observer.cookie, retry: false });
    const staff = new LiveClient(hub.url, { cookie: clients.staffA.cookie, retry: false });
    try {
      const refused = [
        socket.subscribe('subscription { activityAdded { seq } }'),
        socket.subscribe('subscription { notificationAdded { seq } }'),
        socket.subscribe('subscription($t: ID!) { commentChanged(taskId: $t) { seq } }', { t: threads[0] }),
        staff.subscribe('subscription($c: ID) { activityAdded(companyId: $c) { seq } }', { c: ids.companyB }),
        staff.subscribe('subscription($t: ID!) { commentChanged(taskId: $t) { seq } }', { t: threads[1] }),
        socket.subscribe('subscription($c: ID!) { diagnosisChanged(companyId: $c) { seq } }', { c: ids.companyA }),
        staff.subscribe('subscription($c: ID!) { diagnosisChanged(companyId: $c) { seq } }', { c: ids.companyB }),
      ];
      const codes = await Promise.all(refused.map(async (sub) => (await sub.error()).extensions?.code));
      expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'NOT_FOUND']);
    } finally {
      await Promise.all([socket.close(), staff.close()]);
    }
  });

  async function run(): Promise<void> {
    const rng = seededRandom(SEED);
    const started = Date.now();
    const world = new World(rng);
    for (let i = 0; i < CHANGES; i += 1) {
      const kind = await world.change();
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    // A last program-wide change everyone reading the work receives, and a results change observers receive.
    const { createEvent } = await clients.manager.data<{ createEvent: { id: string } }>('mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', {
      input: { programYearId: yearId, kind: 'WORKSHOP', title: '마지막 워크숍', venue: '안산', startsAt: '2013-07-01T01:00:00.000Z', endsAt: '2013-07-01T03:00:00.000Z' },
    });
    const changedMs = Date.now() - started;
    for (const viewer of WORK_READERS) await subs.get(viewer)!.activity!.until((events) => events.some((e) => e.entry.entityId === createEvent.id), 60_000);
    await quiet();

    const position = (await sql<{ position: string }>('select max(seq) as position from outbox_event'))[0]?.position ?? since;
    const runEntries = new Set(
      (await sql<{ activity_id: string }>("select payload->>'activityId' as activity_id from outbox_event where seq > ? and payload->>'activityId' is not null", [since])).map((row) => row.activity_id),
    );
    const runNotes = new Set((await sql<{ entity_id: string }>("select entity_id from outbox_event where seq > ? and type = 'notification.added'", [since])).map((row) => row.entity_id));
    let compared = 0;
    for (const viewer of VIEWERS) {
      const client = clients[viewer];
      const s = subs.get(viewer)!;
      const reads = WORK_READERS.includes(viewer);
      for (const sub of [s.activity, s.notifications, s.tasks, s.measures, s.board, s.participations, s.events, ...s.activityOf.values(), ...s.comments.values(), ...s.diagnosesOf.values()]) {
        if (sub) expect(sub.errors, `${viewer}: subscription errors`).toEqual([]);
      }
      if (reads) {
        // History: every entry of the run the viewer's feed lists, and only those, field by field.
        const feed = await pages(client, 'activity', ENTRY, {});
        compared += sameRecords(viewer, 'activityAdded', byId(s.activity!.events.map((e) => e.entry)), byId(feed.filter((n) => runEntries.has(n.id))));
        for (const [companyId, sub] of s.activityOf) {
          const own = await pages(client, 'activity', ENTRY, { filter: { companyId } });
          compared += sameRecords(viewer, `activityAdded(${companyId})`, byId(sub.events.map((e) => e.entry)), byId(own.filter((n) => runEntries.has(n.id))));
        }
        const notes = await pages(client, 'notifications', NOTE, {});
        compared += sameRecords(viewer, 'notificationAdded', byId(s.notifications!.events.map((e) => e.notification)), byId(notes.filter((n) => runNotes.has(n.id))));
        // Tasks, comments: the last state received of each record is what the queries answer now.
        const tasks = await pages(client, 'tasks', TASK, {});
        compared += sameRecords(viewer, 'taskChanged', lastStates(s.tasks!.events, (e) => e.taskId, (e) => (e.kind === 'DELETED' ? null : e.task)), byId(tasks.filter((t) => touched(s.tasks!.events, t.id))));
        for (const [taskId, sub] of s.comments) {
          const thread = await pages(client, 'comments', COMMENT, { taskId });
          compared += sameRecords(viewer, `commentChanged(${taskId})`, lastStates(sub.events, (e) => e.commentId, (e) => e.comment), byId(thread.filter((c) => touched(sub.events, c.id, 'commentId'))));
          expect(thread.length, `${viewer} sees the thread`).toBeGreaterThanOrEqual(sub.events.length > 0 ? 1 : 0);
        }
        for (const [companyId, sub] of s.diagnosesOf) {
          const own = await pages(client, 'diagnoses', DIAGNOSIS, { filter: { companyId } });
          compared += sameRecords(viewer, `diagnosisChanged(${companyId})`, lastStates(sub.events, (e) => e.diagnosisId, (e) => e.diagnosis), byId(own.filter((d) => touched(sub.events, d.id, 'diagnosisId'))));
        }
      }
      const measures = await pages(client, 'measures', MEASURE, { filter: { programYearId: yearId, includeArchived: false } });
      compared += sameRecords(viewer, 'measureChanged', lastStates(s.measures.events, (e) => e.measureId, (e) => (e.kind === 'DELETED' ? null : e.measure)), byId(measures.filter((m) => touched(s.measures.events, m.id, 'measureId'))));
      const board = await client.data<{ programYear: { board: Node[] } }>(`query($y: ID!) { programYear(id: $y) { board { ${ROW} } } }`, { y: yearId });
      const rows = new Map(board.programYear.board.map((row) => [(row.company as { id: string }).id, row]));
      compared += sameRecords(viewer, 'boardRowChanged', lastStates(s.board.events, (e) => e.companyId, (e) => e.row), new Map([...rows].filter(([companyId]) => s.board.events.some((e) => e.companyId === companyId))));
      const participations = await pages(client, 'participations', PARTICIPATION, { programYearId: yearId });
      compared += sameRecords(
        viewer,
        'participationChanged',
        lastStates(s.participations.events, (e) => e.participationId, (e) => e.participation),
        byId(participations.filter((p) => touched(s.participations.events, p.id, 'participationId'))),
      );
      // Events: the last state received is the viewer's own event query (null: it left their calendar).
      const calendar = await pages(client, 'events', EVENT, { programYearId: yearId, filter: { includeCancelled: true } });
      compared += sameRecords(viewer, 'eventChanged', lastStates(s.events.events, (e) => e.eventId, (e) => e.event), byId(calendar.filter((e) => touched(s.events.events, e.id, 'eventId'))));
    }
    // The run must have exercised what it claims: every kind of change, deliveries to every role.
    expect([...counts.keys()].sort()).toEqual(KINDS.map((k) => k.name).sort());
    for (const viewer of WORK_READERS) expect(subs.get(viewer)!.activity!.events.length, `${viewer} received history`).toBeGreaterThan(0);
    expect(subs.get('observer')!.measures.events.length).toBeGreaterThan(0);
    expect(subs.get('observer')!.events.events.length, 'observer received program-wide events').toBeGreaterThan(0);
    expect(subs.get('staffA')!.diagnosesOf.get(ids.companyA)!.events.length, 'staffA received diagnoses').toBeGreaterThan(0);
    const staffA = subs.get('staffA')!;
    expect(staffA.activity!.events.some((e) => e.entry.entityType === 'ProgramEvent')).toBe(true);
    console.info(
      `visibility oracle (seed ${SEED}): ${CHANGES} changes (${[...counts].map(([k, n]) => `${k} ${n}`).join(', ')}) in ${changedMs} ms, ` +
        `${Number(position) - since} events, ${VIEWERS.length} viewers in ${new Set(VIEWERS.map(roleOf)).size} roles, ${subscriptionCount} subscriptions, ${compared} records compared`,
    );
  }

  /** Waits until no subscription has received anything for a while. */
  async function quiet(): Promise<void> {
    const total = () => [...subs.values()].reduce((n, s) => n + [s.activity, s.notifications, s.tasks, s.measures, s.board, s.participations, s.events, ...s.activityOf.values(), ...s.comments.values(), ...s.diagnosesOf.values()].reduce((m, sub) => m + (sub?.events.length ?? 0), 0), 0);
    let last = -1;
    while (last !== total()) {
      last = total();
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }

  function sameRecords(viewer: Viewer, what: string, live: Map<string, unknown>, queried: Map<string, unknown>): number {
    const present = new Map([...live].filter(([, value]) => value !== null));
    expect(new Set(present.keys()), `${viewer} ${what}: the same records live as in queries`).toEqual(new Set(queried.keys()));
    for (const [id, value] of present) expect(value, `${viewer} ${what} ${id}: field by field`).toEqual(queried.get(id));
    return present.size;
  }

  async function pages(client: TestClient, field: string, fields: string, args: Record<string, unknown>): Promise<Node[]> {
    const declared = Object.keys(args)
      .map((key) => `$${key}: ${ARG_TYPES[`${field}.${key}`] ?? 'ID!'}`)
      .join(', ');
    const passed = Object.keys(args)
      .map((key) => `${key}: $${key}`)
      .join(', ');
    const nodes: Node[] = [];
    let after: string | null = null;
    do {
      const query = `query($after: String${declared ? `, ${declared}` : ''}) { ${field}(first: 200, after: $after${passed ? `, ${passed}` : ''}) { pageInfo { hasNextPage endCursor } edges { node { ${fields} } } } }`;
      const data: Record<string, { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Node }[] }> = await client.data(query, { ...args, after });
      const page = data[field]!;
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  /** The random changes, each by someone allowed to make it; refusals by the rules are skipped. */
  class World {
    private readonly tasks = new Map<string, { companyId: string }>();
    private readonly comments = new Map<string, { author: Viewer; taskId: string; version: number }>();
    private readonly measures = new Map<string, { companyId: string }>();
    private readonly diagnoses: string[] = [];
    private readonly attachments: { id: string; by: Viewer }[] = [];
    private readonly events: { id: string; programWide: boolean }[] = [];
    private readonly attendances: string[] = [];

    constructor(private readonly rng: () => number) {}

    pick<T>(items: readonly T[]): T {
      return items[Math.floor(this.rng() * items.length)]!;
    }

    company(): string {
      return this.pick([ids.companyA, ids.companyB, ids.companyA, ids.companyB, ids.companyC]);
    }

    /** Someone who writes this company's work: managers, or the expert of its team. */
    writer(companyId: string): Viewer {
      const expert = companyId === ids.companyA ? 'expertA' : companyId === ids.companyB ? 'expertB' : null;
      return this.pick(expert ? (['admin', 'manager', expert, expert] as Viewer[]) : (['admin', 'manager'] as Viewer[]));
    }

    async change(): Promise<string> {
      const total = KINDS.reduce((n, kind) => n + kind.weight, 0);
      let roll = this.rng() * total;
      for (const kind of KINDS) {
        roll -= kind.weight;
        if (roll < 0) {
          const done = await kind.run(this);
          if (done === false) return this.change();
          return kind.name;
        }
      }
      throw new Error('unreachable');
    }

    async send(viewer: Viewer, query: string, variables: Record<string, unknown>, refusals = ['BAD_USER_INPUT', 'CONFLICT']): Promise<Record<string, { id: string; version?: number }> | null> {
      const response = await clients[viewer].request<Record<string, { id: string; version?: number }>>(query, variables);
      const code = response.errors?.[0]?.extensions?.['code'];
      if (typeof code === 'string' && refusals.includes(code)) return null;
      if (response.errors) throw new Error(`${viewer}: ${JSON.stringify(response.errors)} for ${query}`);
      return response.data ?? null;
    }

    async version(kind: 'task' | 'measure' | 'diagnosis' | 'event' | 'participation' | 'program' | 'programYear' | 'expertTeam', id: string): Promise<number> {
      const data = await clients.admin.data<Record<string, { version: number }>>(`query($id: ID!) { ${kind}(id: $id) { version } }`, { id });
      return data[kind]!.version;
    }

    async createTask(): Promise<boolean> {
      const companyId = this.company();
      const staff = companyId === ids.companyA ? ids.staffA : companyId === ids.companyB ? ids.staffB : ids.staffC;
      const data = await this.send(this.writer(companyId), 'mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }', {
        input: { companyId, title: `과제 ${Math.floor(this.rng() * 1e6)}`, assigneeIds: this.rng() < 0.4 ? [staff] : [] },
      });
      if (data) this.tasks.set(data.createTask!.id, { companyId });
      return data !== null;
    }

    async changeTask(): Promise<boolean> {
      if (this.tasks.size === 0) return false;
      const id = this.pick([...this.tasks.keys()]);
      const { companyId } = this.tasks.get(id)!;
      const version = await this.version('task', id);
      const roll = this.rng();
      if (roll < 0.35) return (await this.send(this.writer(companyId), 'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }', { input: { id, version, title: `고친 과제 ${Math.floor(this.rng() * 1e6)}` } })) !== null;
      if (roll < 0.75) {
        const { task } = await clients.admin.data<{ task: { status: TaskStatus } }>('query($id: ID!) { task(id: $id) { status } }', { id });
        const next = allowedNext(taskMachine, task.status);
        if (next.length === 0) return false;
        return (await this.send(this.writer(companyId), 'mutation($id: ID!, $version: Int!, $status: TaskStatus!) { moveTask(id: $id, version: $version, status: $status) { id } }', { id, version, status: this.pick(next) })) !== null;
      }
      if (roll < 0.9) {
        const staff = companyId === ids.companyA ? ids.staffA : companyId === ids.companyB ? ids.staffB : ids.staffC;
        return (await this.send(this.writer(companyId), 'mutation($t: ID!, $p: ID!) { assignTask(taskId: $t, personId: $p) { id } }', { t: id, p: staff })) !== null;
      }
      const done = await this.send(this.writer(companyId), 'mutation($id: ID!, $version: Int!) { archiveTask(id: $id, version: $version) { id } }', { id, version });
      if (done) this.tasks.delete(id);
      return done !== null;
    }

    async comment(): Promise<boolean> {
      const taskId = this.pick(threads);
      const companyId = taskId === threads[0] ? ids.companyA : ids.companyB;
      const staff: Viewer = companyId === ids.companyA ? 'staffA' : 'staffB';
      const author = this.rng() < 0.3 ? staff : this.writer(companyId);
      const internal = author !== staff && this.rng() < 0.5;
      const mention = this.rng() < 0.4 ? ` ${mentionToken('담당', ids[staff])}` : '';
      const data = await this.send(author, 'mutation($input: AddCommentInput!) { addComment(input: $input) { id version } }', {
        input: { taskId, visibility: internal ? 'INTERNAL' : 'SHARED', body: `${internal ? '내부' : '공유'} 의견${mention}` },
      });
      if (data) this.comments.set(data.addComment!.id, { author, taskId, version: data.addComment!.version! });
      return data !== null;
    }

    async changeComment(): Promise<boolean> {
      if (this.comments.size === 0) return false;
      const id = this.pick([...this.comments.keys()]);
      const comment = this.comments.get(id)!;
      const { author, version } = comment;
      if (this.rng() < 0.7) {
        const data = await this.send(author, 'mutation($id: ID!, $version: Int!, $body: String!) { editComment(id: $id, version: $version, body: $body) { id version } }', { id, version, body: `고친 의견 ${Math.floor(this.rng() * 1e6)}` });
        if (data) comment.version = data.editComment!.version!;
        return data !== null;
      }
      const done = await this.send(author, 'mutation($id: ID!, $version: Int!) { deleteComment(id: $id, version: $version) { id } }', { id, version });
      if (done) this.comments.delete(id);
      return done !== null;
    }

    async measure(): Promise<boolean> {
      if (this.measures.size === 0 || this.rng() < 0.35) {
        const companyId = this.pick([ids.companyA, ids.companyB]);
        const data = await this.send(this.writer(companyId), 'mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id } }', {
          input: { companyId, programYearId: yearId, category: 'OPERATING_CONDITIONS', title: `개선안 ${Math.floor(this.rng() * 1e6)}`, investmentKrw: Math.floor(this.rng() * 1e7) },
        });
        if (data) this.measures.set(data.createMeasure!.id, { companyId });
        return data !== null;
      }
      const id = this.pick([...this.measures.keys()]);
      const { companyId } = this.measures.get(id)!;
      const version = await this.version('measure', id);
      if (this.rng() < 0.6) return (await this.send(this.writer(companyId), 'mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }', { input: { id, version, investmentKrw: Math.floor(this.rng() * 1e8) } })) !== null;
      const { measure } = await clients.admin.data<{ measure: { status: MeasureStatus } }>('query($id: ID!) { measure(id: $id) { status } }', { id });
      const next = allowedNext(measureMachine, measure.status).filter((status) => status !== 'VERIFIED');
      if (next.length === 0) return false;
      return (await this.send(this.writer(companyId), 'mutation($id: ID!, $version: Int!, $to: MeasureStatus!) { transitionMeasure(id: $id, version: $version, to: $to, on: "2013-03-01") { id } }', { id, version, to: this.pick(next) })) !== null;
    }

    async diagnosis(): Promise<boolean> {
      if (this.diagnoses.length === 0 || this.rng() < 0.4) {
        const companyId = this.pick([ids.companyA, ids.companyB]);
        const { participations } = await clients.admin.data<{ participations: { edges: { node: { id: string; company: { id: string } } }[] } }>(
          'query($y: ID!) { participations(programYearId: $y) { edges { node { id company { id } } } } }',
          { y: yearId },
        );
        const participationId = participations.edges.find((e) => e.node.company.id === companyId)!.node.id;
        const data = await this.send(this.writer(companyId), 'mutation($input: CreateDiagnosisInput!) { createDiagnosis(input: $input) { id } }', {
          input: { participationId, kind: 'DETAILED', conductedOn: '2013-01-10', processesExamined: '도금 라인', findings: `**수세수** 과다 ${Math.floor(this.rng() * 100)}` },
        });
        if (data) this.diagnoses.push(data.createDiagnosis!.id);
        return data !== null;
      }
      const id = this.pick(this.diagnoses);
      const version = await this.version('diagnosis', id);
      return (await this.send('manager', 'mutation($input: UpdateDiagnosisInput!) { updateDiagnosis(input: $input) { id } }', { input: { id, version, findings: `고친 진단 ${Math.floor(this.rng() * 100)}` } })) !== null;
    }

    async attachment(): Promise<boolean> {
      if (this.attachments.length > 0 && this.rng() < 0.2) {
        const index = Math.floor(this.rng() * this.attachments.length);
        const { id, by } = this.attachments[index]!;
        this.attachments.splice(index, 1);
        // A file on a comment deleted since is gone with the comment: not found, even for its uploader.
        return (await this.send(by, 'mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id }, ['NOT_FOUND'])) !== null;
      }
      const targets: [string, string, Viewer][] = [
        ...[...this.tasks].map(([id, t]): [string, string, Viewer] => ['taskId', id, this.writer(t.companyId)]),
        ...[...this.measures].map(([id, m]): [string, string, Viewer] => ['measureId', id, this.writer(m.companyId)]),
        ...this.diagnoses.map((id): [string, string, Viewer] => ['diagnosisId', id, 'manager']),
        ...[...this.comments].map(([id, c]): [string, string, Viewer] => ['commentId', id, c.author]),
      ];
      if (targets.length === 0) return false;
      const [param, id, by] = this.pick(targets);
      const response = await fetch(`${hub.url}/attachments?${param}=${id}`, {
        method: 'POST',
        headers: { 'content-type': 'image/png', 'x-file-name': encodeURIComponent('현장.png'), cookie: clients[by].cookie! },
        body: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${this.rng()}`)]),
      });
      // Deleted comments and archived targets take no files (400): a refusal, not a change.
      if (response.status === 400) return false;
      expect(response.status, `upload to ${param}`).toBe(201);
      this.attachments.push({ id: ((await response.json()) as { id: string }).id, by });
      return true;
    }

    async event(): Promise<boolean> {
      const open = this.events;
      if (open.length === 0 || this.rng() < 0.3) {
        const kind = this.pick(['KICKOFF', 'WORKSHOP', 'ECO_CLUB', 'TRAINING', 'SITE_VISIT', 'SITE_VISIT']);
        const data = await this.send(this.pick(['admin', 'manager']), 'mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }', {
          input: { programYearId: yearId, kind, title: `${kind} ${Math.floor(this.rng() * 1e4)}`, venue: '안산', startsAt: '2013-03-01T01:00:00.000Z', endsAt: '2013-03-01T03:00:00.000Z' },
        });
        if (data) open.push({ id: data.createEvent!.id, programWide: kind !== 'SITE_VISIT' });
        return data !== null;
      }
      const event = this.pick(open);
      const roll = this.rng();
      if (roll < 0.25) {
        const version = await this.version('event', event.id);
        return (await this.send('manager', 'mutation($input: UpdateEventInput!) { updateEvent(input: $input) { id } }', { input: { id: event.id, version, venue: `안산 ${Math.floor(this.rng() * 100)}` } })) !== null;
      }
      if (roll < 0.3) {
        const version = await this.version('event', event.id);
        return (await this.send('manager', 'mutation($input: CancelEventInput!) { cancelEvent(input: $input) { id } }', { input: { id: event.id, version } })) !== null;
      }
      if (roll < 0.55) {
        const companyIds = [this.company(), ...(this.rng() < 0.3 ? [this.company()] : [])];
        return (await this.send('manager', 'mutation($input: InviteCompaniesInput!) { inviteCompaniesToEvent(input: $input) { id } }', { input: { eventId: event.id, companyIds } })) !== null;
      }
      if (roll < 0.65) {
        return (await this.send('manager', 'mutation($input: UninviteCompanyInput!) { uninviteCompanyFromEvent(input: $input) { id } }', { input: { eventId: event.id, companyId: this.company() } })) !== null;
      }
      if (roll < 0.9 || this.attendances.length === 0) {
        const who = this.pick([ids.staffA, ids.staffB, ids.staffC, ids.expertA, null]);
        const input = who ? { eventId: event.id, personId: who, attended: this.rng() < 0.8 } : { eventId: event.id, guestName: '안산시장', guestAffiliation: '안산시' };
        const data = await this.send('manager', 'mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { id } }', { input });
        if (data) this.attendances.push(data.recordAttendance!.id);
        return data !== null;
      }
      const index = Math.floor(this.rng() * this.attendances.length);
      const [id] = this.attendances.splice(index, 1);
      return (await this.send('manager', 'mutation($id: ID!) { removeAttendance(id: $id) { id } }', { id })) !== null;
    }

    /** Teams and participations of the third company, which no watching expert serves. */
    async team(): Promise<boolean> {
      const roll = this.rng();
      if (roll < 0.3) {
        const version = await this.version('participation', ids.participationC);
        const { participation } = await clients.admin.data<{ participation: { team: { id: string } | null } }>('query($id: ID!) { participation(id: $id) { team { id } } }', { id: ids.participationC });
        return (await this.send('manager', 'mutation($input: AssignParticipationTeamInput!) { assignParticipationTeam(input: $input) { id } }', { input: { id: ids.participationC, version, teamId: participation.team ? null : ids.teamC } })) !== null;
      }
      if (roll < 0.55) {
        const { expertTeam } = await clients.admin.data<{ expertTeam: { members: { person: { id: string } }[] } }>('query($id: ID!) { expertTeam(id: $id) { members { person { id } } } }', { id: ids.teamC });
        const member = expertTeam.members.some((m) => m.person.id === ids.expertD);
        return (await this.send('manager', `mutation($input: ${member ? 'RemoveTeamMemberInput' : 'AddTeamMemberInput'}!) { ${member ? 'removeTeamMember' : 'addTeamMember'}(input: $input) { id } }`, { input: { teamId: ids.teamC, personId: ids.expertD } })) !== null;
      }
      if (roll < 0.7) {
        const version = await this.version('expertTeam', ids.teamC);
        return (await this.send('manager', 'mutation($input: UpdateExpertTeamInput!) { updateExpertTeam(input: $input) { id } }', { input: { id: ids.teamC, version, name: `C팀 ${Math.floor(this.rng() * 100)}` } })) !== null;
      }
      const { participation } = await clients.admin.data<{ participation: { status: ParticipationStatus; version: number } }>('query($id: ID!) { participation(id: $id) { status version } }', { id: ids.participationC });
      const next = TRANSITIONS[participation.status] ?? [];
      if (next.length === 0) return false;
      return (await this.send('manager', 'mutation($input: TransitionParticipationInput!) { transitionParticipation(input: $input) { id } }', { input: { id: ids.participationC, version: participation.version, to: this.pick(next), on: '2013-01-15' } })) !== null;
    }

    /** People and roles nobody watches with: invitations, a role change, disabling and enabling. */
    async people(): Promise<boolean> {
      const roll = this.rng();
      if (roll < 0.4) {
        const n = Math.floor(this.rng() * 1e9);
        return (await this.send('manager', 'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { id } }', { input: { email: `invited-${n}@oracle.test`, name: `초대 ${n}`, role: 'COMPANY_STAFF', companyId: ids.companyC } })) !== null;
      }
      if (roll < 0.7) {
        const { person } = await clients.admin.data<{ person: { role: Role } }>('query($id: ID!) { person(id: $id) { role } }', { id: ids.staffC });
        const to = person.role === Role.COMPANY_STAFF ? { role: 'OBSERVER' } : { role: 'COMPANY_STAFF', companyId: ids.companyC };
        return (await this.send('admin', 'mutation($id: ID!, $role: Role!, $companyId: ID) { setPersonRole(id: $id, role: $role, companyId: $companyId) { id } }', { id: ids.staffC, ...to })) !== null;
      }
      const { person } = await clients.admin.data<{ person: { disabledAt: string | null } }>('query($id: ID!) { person(id: $id) { disabledAt } }', { id: ids.expertD });
      return (await this.send('manager', `mutation($id: ID!) { ${person.disabledAt ? 'enablePerson' : 'disablePerson'}(id: $id) { id } }`, { id: ids.expertD })) !== null;
    }

    async program(): Promise<boolean> {
      const roll = this.rng();
      if (roll < 0.4) {
        return (await this.send('manager', 'mutation($input: SetBudgetLineInput!) { setBudgetLine(input: $input) { id } }', { input: { programYearId: yearId, source: this.pick(['GOVERNMENT', 'CITY', 'HOST']), plannedKrw: Math.floor(this.rng() * 1e8) } })) !== null;
      }
      if (roll < 0.7) {
        const version = await this.version('program', programId);
        return (await this.send('admin', 'mutation($input: UpdateProgramInput!) { updateProgram(input: $input) { id } }', { input: { id: programId, version, nameEn: `Fixture Program ${Math.floor(this.rng() * 100)}` } })) !== null;
      }
      const version = await this.version('programYear', yearId);
      return (await this.send('manager', 'mutation($input: UpdateProgramYearInput!) { updateProgramYear(input: $input) { id } }', { input: { id: yearId, version, endsOn: this.pick(['2013-07-31', '2013-08-31']) } })) !== null;
    }
  }

  const KINDS: { name: string; weight: number; run: (world: World) => Promise<boolean> }[] = [
    { name: 'task created', weight: 8, run: (w) => w.createTask() },
    { name: 'task changed', weight: 12, run: (w) => w.changeTask() },
    { name: 'comment added', weight: 14, run: (w) => w.comment() },
    { name: 'comment edited or deleted', weight: 6, run: (w) => w.changeComment() },
    { name: 'measure', weight: 10, run: (w) => w.measure() },
    { name: 'diagnosis', weight: 4, run: (w) => w.diagnosis() },
    { name: 'attachment', weight: 10, run: (w) => w.attachment() },
    { name: 'event, invitation or attendance', weight: 18, run: (w) => w.event() },
    { name: 'team or participation', weight: 6, run: (w) => w.team() },
    { name: 'person or role', weight: 5, run: (w) => w.people() },
    { name: 'program or year', weight: 4, run: (w) => w.program() },
  ];
});

const ARG_TYPES: Record<string, string> = { 'events.filter': 'EventFilter', 'activity.filter': 'ActivityFilter', 'measures.filter': 'MeasureFilter', 'diagnoses.filter': 'DiagnosisFilter' };

const TRANSITIONS: Partial<Record<ParticipationStatus, ParticipationStatus[]>> = {
  APPLIED: [ParticipationStatus.INITIALLY_DIAGNOSED],
  INITIALLY_DIAGNOSED: [ParticipationStatus.SELECTED],
  SELECTED: [ParticipationStatus.AGREEMENT_SIGNED],
  AGREEMENT_SIGNED: [ParticipationStatus.ACTIVE],
};

function roleOf(viewer: Viewer): string {
  return viewer.replace(/[AB]$/, '');
}

function byId(nodes: Node[]): Map<string, unknown> {
  return new Map(nodes.map((node) => [node.id, node]));
}

/** The last state received per record (null when the last event removed it from view). */
function lastStates<E>(events: E[], key: (event: E) => string, state: (event: E) => unknown): Map<string, unknown> {
  const last = new Map<string, unknown>();
  for (const event of events) last.set(key(event), state(event) ?? null);
  return last;
}

function touched(events: Record<string, unknown>[], id: string, field = 'taskId'): boolean {
  return events.some((event) => event[field] === id);
}
