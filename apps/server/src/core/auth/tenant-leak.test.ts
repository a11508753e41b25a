import 'reflect-metadata';
import { allowedNext, measureMachine, mentionToken, taskMachine, type MeasureStatus, type TaskStatus } from '@ecohub/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../seeders/ansan.seeder.ts';
import { LiveClient, type LiveSubscription } from '../../testing/live-client.ts';
import { seededRandom, startTestServer, TestClient, type TestServer } from '../../testing/index.ts';

/**
 * The randomized leak test: five companies, a staff member of each subscribed to everything they
 * may see, and 1,000 random changes by the companies' experts and the managers (seeded, so a
 * failure replays). Each staff member must receive every event of their own company, nothing of
 * the others, and no internal comment, live and in their queries.
 */
const MUTATIONS = 1_000;
const COMPANIES = 5;
const TASKS_WITH_COMMENTS = 3;
const SEED = 20_121_122;

interface Tenant {
  companyId: string;
  staffId: string;
  staff: TestClient;
  /** Experts of the team serving the company, and the managers. */
  actors: TestClient[];
  /** Tasks made before the run: comments go here, and the staff member follows each one. */
  commentTasks: string[];
  tasks: Map<string, { version: number; status: TaskStatus; archivable: boolean }>;
  measures: Map<string, { version: number; status: MeasureStatus }>;
  comments: Map<string, { version: number; author: TestClient; taskId: string; internal: boolean }>;
}

interface Live {
  tasks: LiveSubscription<{ seq: number; companyId: string }>;
  measures: LiveSubscription<{ seq: number; companyId: string }>;
  board: LiveSubscription<{ seq: number; companyId: string }>;
  activity: LiveSubscription<{ seq: number; entry: { entityId: string; company: { id: string } | null } }>;
  notifications: LiveSubscription<{ seq: number; notification: { company: { id: string } | null; comment: { id: string } | null } }>;
  comments: LiveSubscription<{ seq: number; commentId: string; taskId: string; comment: { visibility: string } | null }>[];
}

describe('tenant isolation under 1,000 random changes', () => {
  let hub: TestServer;
  let programYearId: string;
  const tenants: Tenant[] = [];
  const internalComments = new Set<string>();
  const live = new Map<Tenant, Live>();
  const sockets: LiveClient[] = [];
  let since = 0;

  const sql = <T>(query: string, params: unknown[] = []) => hub.server.orm.em.fork().execute<T[]>(query, params);
  const signedIn = async (email: string) => new TestClient(hub.url).signInAs(email, DEMO_PASSWORD);

  beforeAll(async () => {
    hub = await startTestServer();
    const demoStaff = DEMO_LOGINS.find((login) => login.role === 'COMPANY_STAFF')!.email;
    const [own] = await sql<{ company_id: string; program_year_id: string }>(
      `select p.company_id, pa.program_year_id from person p join participation pa on pa.company_id = p.company_id where p.email = ?`,
      [demoStaff],
    );
    programYearId = own!.program_year_id;
    // The demo staff member's company and four others, one staff member each, from every team.
    const picked = await sql<{ company_id: string; team_id: string; staff_email: string }>(
      `select distinct on (pa.company_id) pa.company_id, pa.team_id, p.email as staff_email
         from participation pa join person p on p.company_id = pa.company_id and p.role = 'COMPANY_STAFF' and p.password_hash is not null
        where pa.program_year_id = ? and pa.team_id is not null
        order by pa.company_id, (p.email = ?) desc, p.email`,
      [programYearId, demoStaff],
    );
    const first = picked.find((row) => row.company_id === own!.company_id)!;
    const chosen = [first];
    // Then one company per team in turn, so same-team and cross-team neighbours both occur.
    const rest = picked.filter((row) => row !== first);
    while (chosen.length < COMPANIES) {
      const teams = [...new Set(rest.map((row) => row.team_id))].sort();
      for (const team of teams) {
        const next = rest.find((row) => row.team_id === team && !chosen.includes(row));
        if (next && chosen.length < COMPANIES) chosen.push(next);
      }
    }
    const managers = await Promise.all(DEMO_LOGINS.filter((l) => l.role === 'ADMIN' || l.role === 'PROGRAM_MANAGER').map((l) => signedIn(l.email)));
    const experts = new Map<string, TestClient>();
    for (const row of chosen) {
      const teamExperts = await sql<{ email: string }>(
        `select p.email from person p where p.id in (
           select m.person_id from team_membership m where m.team_id = ? union select t.lead_id from expert_team t where t.id = ?)
         order by p.email`,
        [row.team_id, row.team_id],
      );
      const actors: TestClient[] = [...managers];
      for (const { email } of teamExperts) {
        if (!experts.has(email)) experts.set(email, await signedIn(email));
        actors.push(experts.get(email)!);
      }
      const staff = await signedIn(row.staff_email);
      const [staffRow] = await sql<{ id: string }>('select id from person where email = ?', [row.staff_email]);
      const tenant: Tenant = {
        companyId: row.company_id,
        staffId: staffRow!.id,
        staff,
        actors,
        commentTasks: [],
        tasks: new Map(),
        measures: new Map(),
        comments: new Map(),
      };
      for (let i = 0; i < TASKS_WITH_COMMENTS; i += 1) {
        const { createTask } = await managers[0]!.data<{ createTask: { id: string; version: number } }>(
          'mutation($input: CreateTaskInput!) { createTask(input: $input) { id version } }',
          { input: { companyId: tenant.companyId, title: `격리 점검 과제 ${i + 1}` } },
        );
        tenant.commentTasks.push(createTask.id);
        tenant.tasks.set(createTask.id, { version: createTask.version, status: 'TODO', archivable: false });
      }
      tenants.push(tenant);
    }
    expect(new Set(tenants.map((t) => t.companyId)).size).toBe(COMPANIES);
    since = (await managers[0]!.data<{ liveSequence: number }>('{ liveSequence }')).liveSequence;

    // Everything each staff member may see, from the position before the run: nothing can be missed.
    for (const tenant of tenants) {
      const socket = new LiveClient(hub.url, { cookie: tenant.staff.cookie, retry: false });
      sockets.push(socket);
      const vars = { since };
      live.set(tenant, {
        tasks: socket.subscribe('subscription($c: ID, $since: SafeInt) { taskChanged(companyId: $c, since: $since) { seq companyId } }', { ...vars, c: tenant.companyId }),
        measures: socket.subscribe('subscription($c: ID, $since: SafeInt) { measureChanged(companyId: $c, since: $since) { seq companyId } }', { ...vars, c: tenant.companyId }),
        board: socket.subscribe('subscription($y: ID!, $since: SafeInt) { boardRowChanged(programYearId: $y, since: $since) { seq companyId } }', { ...vars, y: programYearId }),
        activity: socket.subscribe('subscription($since: SafeInt) { activityAdded(since: $since) { seq entry { entityId company { id } } } }', vars),
        notifications: socket.subscribe(
          'subscription($since: SafeInt) { notificationAdded(since: $since) { seq notification { company { id } comment { id } } } }',
          vars,
        ),
        comments: tenant.commentTasks.map((taskId) =>
          socket.subscribe(
            'subscription($t: ID!, $since: SafeInt) { commentChanged(taskId: $t, since: $since) { seq commentId taskId comment { visibility } } }',
            { ...vars, t: taskId },
          ),
        ),
      });
    }
  }, 120_000);

  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await hub.close();
  });

  it('delivers each staff member every event of their company, none of the others and no internal comment', async () => {
    const rng = seededRandom(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
    // The plan is drawn up front, so the run is the same whatever the timing: companies change in
    // parallel, each company's changes in order (no version races within a company).
    const plan = Array.from({ length: MUTATIONS }, () => ({ tenant: pick(tenants), roll: rng(), actorRoll: rng(), detail: rng() }));
    const started = Date.now();
    await Promise.all(
      tenants.map(async (tenant) => {
        for (const step of plan.filter((s) => s.tenant === tenant)) await mutate(tenant, step.roll, step.actorRoll, step.detail);
      }),
    );
    const mutationMs = Date.now() - started;

    // Ground truth: the outbox, which every delivery reads from.
    const events = await sql<{ seq: string; type: string; company_id: string | null; task_id: string | null; recipient_id: string | null; payload: { visibility?: string } }>(
      'select seq, type, company_id, task_id, recipient_id, payload from outbox_event where seq > ? order by seq',
      [since],
    );
    const seqs = (filter: (e: (typeof events)[number]) => boolean) => events.filter(filter).map((e) => Number(e.seq));

    for (const tenant of tenants) {
      const l = live.get(tenant)!;
      const expectTasks = seqs((e) => e.type.startsWith('task.') && e.company_id === tenant.companyId);
      const expectMeasures = seqs((e) => e.type.startsWith('measure.') && e.company_id === tenant.companyId);
      const expectNotifications = seqs((e) => e.type === 'notification.added' && e.recipient_id === tenant.staffId);
      const expectComments = tenant.commentTasks.map((taskId) =>
        seqs((e) => e.type.startsWith('comment.') && e.task_id === taskId && e.payload.visibility === 'SHARED'),
      );
      expect(expectTasks.length).toBeGreaterThan(0);
      await l.tasks.until((received) => received.length >= expectTasks.length, 30_000);
      await l.measures.until((received) => received.length >= expectMeasures.length, 30_000);
      await l.notifications.until((received) => received.length >= expectNotifications.length, 30_000);
      await Promise.all(l.comments.map((sub, i) => sub.until((received) => received.length >= expectComments[i]!.length, 30_000)));
      await l.board.until((received) => received.length > 0, 30_000);
      await l.activity.until((received) => received.length > 0, 30_000);
    }
    // Late deliveries of anything that should not come would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 500));

    for (const tenant of tenants) {
      const l = live.get(tenant)!;
      const own = tenant.companyId;
      expect(l.tasks.events.map((e) => e.seq)).toEqual(seqs((e) => e.type.startsWith('task.') && e.company_id === own));
      expect(l.measures.events.map((e) => e.seq)).toEqual(seqs((e) => e.type.startsWith('measure.') && e.company_id === own));
      expect(l.notifications.events.map((e) => e.seq)).toEqual(seqs((e) => e.type === 'notification.added' && e.recipient_id === tenant.staffId));
      tenant.commentTasks.forEach((taskId, i) => {
        const received = l.comments[i]!.events;
        expect(received.map((e) => e.seq)).toEqual(seqs((e) => e.type.startsWith('comment.') && e.task_id === taskId && e.payload.visibility === 'SHARED'));
        expect(received.filter((e) => internalComments.has(e.commentId) || e.comment?.visibility === 'INTERNAL')).toEqual([]);
      });
      expect(l.tasks.events.filter((e) => e.companyId !== own)).toEqual([]);
      expect(l.board.events.filter((e) => e.companyId !== own)).toEqual([]);
      expect(l.activity.events.filter((e) => (e.entry.company !== null && e.entry.company.id !== own) || internalComments.has(e.entry.entityId))).toEqual([]);
      expect(l.notifications.events.filter((e) => e.notification.company?.id !== own || internalComments.has(e.notification.comment?.id ?? ''))).toEqual([]);
      for (const sub of [l.tasks, l.measures, l.board, l.activity, l.notifications, ...l.comments]) expect(sub.errors).toEqual([]);
    }
    expect(internalComments.size).toBeGreaterThan(50);
    console.info(`tenant leak test: ${MUTATIONS} mutations in ${mutationMs} ms, ${events.length} events`);
  }, 180_000);

  it("answers each staff member's queries with their company's rows only and no internal comment", async () => {
    const others = (tenant: Tenant) => tenants.filter((t) => t !== tenant);
    for (const tenant of tenants) {
      const own = tenant.companyId;
      const { staff } = tenant;
      const tasks = await staff.data<{ tasks: { totalCount: number; edges: { node: { company: { id: string } } }[] } }>(
        '{ tasks(first: 200) { totalCount edges { node { company { id } } } } }',
      );
      expect(tasks.tasks.totalCount).toBeLessThanOrEqual(200);
      expect(tasks.tasks.edges.length).toBeGreaterThan(0);
      expect(tasks.tasks.edges.filter((e) => e.node.company.id !== own)).toEqual([]);
      const searched = await staff.data<{ tasks: { edges: { node: { company: { id: string } } }[] } }>(
        '{ tasks(first: 200, filter: { search: "점검" }) { edges { node { company { id } } } } }',
      );
      expect(searched.tasks.edges.length).toBeGreaterThan(0);
      expect(searched.tasks.edges.filter((e) => e.node.company.id !== own)).toEqual([]);

      for (const taskId of tenant.commentTasks) {
        const { comments } = await staff.data<{ comments: { edges: { node: { id: string; visibility: string } }[] } }>(
          'query($t: ID!) { comments(taskId: $t, first: 200) { edges { node { id visibility } } } }',
          { t: taskId },
        );
        expect(comments.edges.filter((e) => e.node.visibility !== 'SHARED' || internalComments.has(e.node.id))).toEqual([]);
      }
      for (const other of others(tenant)) {
        const code = await staff.errorCode('query($t: ID!) { comments(taskId: $t) { totalCount } }', { t: other.commentTasks[0] }).catch(() => 'ANSWERED');
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(code);
        const filtered = await staff.data<{ tasks: { totalCount: number } }>('query($c: ID) { tasks(filter: { companyId: $c }) { totalCount } }', { c: other.companyId }).catch(() => ({ tasks: { totalCount: 0 } }));
        expect(filtered.tasks.totalCount).toBe(0);
      }

      const measures = await staff.data<{ measures: { edges: { node: { company: { id: string } } }[] } }>(
        '{ measures(first: 200) { edges { node { company { id } } } } }',
      );
      expect(measures.measures.edges.length).toBeGreaterThan(0);
      expect(measures.measures.edges.filter((e) => e.node.company.id !== own)).toEqual([]);

      const board = await staff.data<{ programYear: { board: { company: { id: string } }[] } }>(
        'query($y: ID!) { programYear(id: $y) { board { company { id } } } }',
        { y: programYearId },
      );
      expect(board.programYear.board.map((row) => row.company.id)).toEqual([own]);
      const kpis = await staff.data<{ programYear: { kpis: { byCompany: { company: { id: string } }[] } } }>(
        'query($y: ID!) { programYear(id: $y) { kpis { byCompany { company { id } } } } }',
        { y: programYearId },
      );
      expect(kpis.programYear.kpis.byCompany.map((row) => row.company.id)).toEqual([own]);

      const activity = await staff.data<{ activity: { edges: { node: { entityId: string; company: { id: string } | null } }[] } }>(
        '{ activity(first: 200) { edges { node { entityId company { id } } } } }',
      );
      expect(activity.activity.edges.length).toBeGreaterThan(0);
      expect(activity.activity.edges.filter((e) => (e.node.company && e.node.company.id !== own) || internalComments.has(e.node.entityId))).toEqual([]);

      const notifications = await staff.data<{ notifications: { edges: { node: { company: { id: string } | null; comment: { id: string } | null } }[] } }>(
        '{ notifications(first: 200) { edges { node { company { id } comment { id } } } } }',
      );
      expect(notifications.notifications.edges.filter((e) => (e.node.company && e.node.company.id !== own) || internalComments.has(e.node.comment?.id ?? ''))).toEqual([]);

      const companies = await staff.data<{ companies: { edges: { node: { id: string } }[] } }>('{ companies(first: 200) { edges { node { id } } } }');
      expect(companies.companies.edges.map((e) => e.node.id)).toEqual([own]);

      // Search: only their company's records (events aside), no internal comment, nothing of another company by its name.
      const SEARCH = 'query($q: String!) { search(query: $q, first: 50) { kind id companyId } }';
      type Hits = { search: { kind: string; id: string; companyId: string | null }[] };
      for (const word of ['점검', '메모', '견적', '작업']) {
        const { search } = await staff.data<Hits>(SEARCH, { q: word });
        expect(search.filter((hit) => (hit.kind !== 'EVENT' && hit.companyId !== own) || internalComments.has(hit.id))).toEqual([]);
      }
      for (const other of others(tenant)) {
        const { company } = await tenant.actors[0]!.data<{ company: { nameKo: string } }>('query($id: ID!) { company(id: $id) { nameKo } }', { id: other.companyId }).catch(() => ({ company: null as never }));
        if (!company) continue;
        const { search } = await staff.data<Hits>(SEARCH, { q: company.nameKo });
        expect(search.filter((hit) => hit.kind !== 'EVENT')).toEqual([]);
      }
    }
  });

  it("gives staff the measure library and report files without another company's identity or figures", async () => {
    const companies = await sql<{ id: string; name_ko: string; participation_id: string }>(
      `select c.id, c.name_ko, p.id as participation_id from company c join participation p on p.company_id = c.id and p.program_year_id = ?`,
      [programYearId],
    );
    for (const tenant of tenants) {
      const own = companies.find((c) => c.id === tenant.companyId)!;
      const others = companies.filter((c) => c.id !== tenant.companyId);
      const library = await tenant.staff.data<{ measureLibrary: { edges: { node: Record<string, unknown> & { anonymous: boolean; company: { id: string } | null } }[] } }>(
        '{ measureLibrary(first: 200) { edges { node { id anonymous title description processes status investmentKrw expectedAnnualSavingsKrw paybackYears ghgReductionTco2e company { id nameKo } } } } }',
      );
      const entries = library.measureLibrary.edges.map((e) => e.node);
      expect(entries.some((e) => e.anonymous)).toBe(true);
      expect(entries.filter((e) => !e.anonymous && e.company?.id !== own.id)).toEqual([]);
      for (const entry of entries.filter((e) => e.anonymous)) {
        expect([entry.company, entry.description, entry.processes, entry.status, entry.investmentKrw, entry.expectedAnnualSavingsKrw, entry.paybackYears, entry.ghgReductionTco2e]).toEqual(Array(8).fill(null));
      }
      const text = JSON.stringify(library);
      for (const other of others) {
        expect(text).not.toContain(other.id);
        expect(text).not.toContain(other.name_ko);
      }
      const kinds = await tenant.staff.data<{ measureLibraryKinds: { companies: number; figuresWithheld: boolean; medianAnnualSavingsKrw: number | null }[] }>(
        '{ measureLibraryKinds { companies figuresWithheld medianAnnualSavingsKrw } }',
      );
      expect(kinds.measureLibraryKinds.filter((k) => k.companies < 3 && (!k.figuresWithheld || k.medianAnnualSavingsKrw !== null))).toEqual([]);

      const file = (path: string) => fetch(`${hub.url}${path}`, { headers: { cookie: tenant.staff.cookie! } });
      expect((await file(`/reports/participations/${own.participation_id}.pdf`)).status).toBe(200);
      for (const other of others.slice(0, 5)) expect((await file(`/reports/participations/${other.participation_id}.pdf`)).status).toBe(404);
      expect((await file(`/reports/program-years/${programYearId}.pdf`)).status).toBe(403);
      expect((await file(`/reports/program-years/${programYearId}.xlsx`)).status).toBe(403);
    }
  }, 120_000);

  /** One random change in a tenant's company, by one of its experts or a manager. */
  async function mutate(tenant: Tenant, roll: number, actorRoll: number, detail: number): Promise<void> {
    const actor = tenant.actors[Math.floor(actorRoll * tenant.actors.length)]!;
    const choose = <T>(items: readonly T[]): T => items[Math.floor(detail * items.length)]!;
    const taskIds = [...tenant.tasks.keys()];
    const commentIds = [...tenant.comments.keys()].filter((id) => tenant.comments.get(id)!.author === actor);
    const measureIds = [...tenant.measures.keys()];
    const mention = detail < 0.3 ? ` ${mentionToken('담당자', tenant.staffId)}` : '';

    if (roll < 0.1 || taskIds.length === 0) {
      const { createTask } = await actor.data<{ createTask: { id: string; version: number } }>(
        'mutation($input: CreateTaskInput!) { createTask(input: $input) { id version } }',
        { input: { companyId: tenant.companyId, title: `점검 과제 ${Math.floor(detail * 1e6)}`, assigneeIds: detail < 0.3 ? [tenant.staffId] : [] } },
      );
      tenant.tasks.set(createTask.id, { version: createTask.version, status: 'TODO', archivable: true });
    } else if (roll < 0.2) {
      const id = choose(taskIds);
      const task = tenant.tasks.get(id)!;
      const { updateTask } = await actor.data<{ updateTask: { version: number } }>(
        'mutation($input: UpdateTaskInput!) { updateTask(input: $input) { version } }',
        { input: { id, version: task.version, title: `고친 점검 과제 ${Math.floor(detail * 1e6)}` } },
      );
      task.version = updateTask.version;
    } else if (roll < 0.35) {
      const id = choose(taskIds);
      const task = tenant.tasks.get(id)!;
      const status = choose(allowedNext(taskMachine, task.status));
      const { moveTask } = await actor.data<{ moveTask: { version: number } }>(
        'mutation($id: ID!, $version: Int!, $status: TaskStatus!) { moveTask(id: $id, version: $version, status: $status) { version } }',
        { id, version: task.version, status },
      );
      Object.assign(task, { version: moveTask.version, status });
    } else if (roll < 0.38) {
      const archivable = taskIds.filter((id) => tenant.tasks.get(id)!.archivable);
      if (archivable.length === 0) return mutate(tenant, 0, actorRoll, detail);
      const id = choose(archivable);
      await actor.data('mutation($id: ID!, $version: Int!) { archiveTask(id: $id, version: $version) { id } }', { id, version: tenant.tasks.get(id)!.version });
      tenant.tasks.delete(id);
    } else if (roll < 0.41) {
      const id = choose(taskIds);
      const { assignTask } = await actor.data<{ assignTask: { version: number } }>(
        'mutation($t: ID!, $p: ID!) { assignTask(taskId: $t, personId: $p) { version } }',
        { t: id, p: tenant.staffId },
      );
      tenant.tasks.get(id)!.version = assignTask.version;
    } else if (roll < 0.71) {
      const internal = roll < 0.56;
      const taskId = choose(tenant.commentTasks);
      const { addComment } = await actor.data<{ addComment: { id: string; version: number } }>(
        'mutation($input: AddCommentInput!) { addComment(input: $input) { id version } }',
        { input: { taskId, visibility: internal ? 'INTERNAL' : 'SHARED', body: `${internal ? '내부 메모' : '공유 의견'} ${Math.floor(detail * 1e6)}${mention}` } },
      );
      if (internal) internalComments.add(addComment.id);
      tenant.comments.set(addComment.id, { version: addComment.version, author: actor, taskId, internal });
    } else if (roll < 0.78 && commentIds.length > 0) {
      const id = choose(commentIds);
      const comment = tenant.comments.get(id)!;
      const { editComment } = await actor.data<{ editComment: { version: number } }>(
        'mutation($id: ID!, $version: Int!, $body: String!) { editComment(id: $id, version: $version, body: $body) { version } }',
        { id, version: comment.version, body: `고친 ${comment.internal ? '내부 메모' : '공유 의견'}${mention}` },
      );
      comment.version = editComment.version;
    } else if (roll < 0.81 && commentIds.length > 0) {
      const id = choose(commentIds);
      await actor.data('mutation($id: ID!, $version: Int!) { deleteComment(id: $id, version: $version) { id } }', { id, version: tenant.comments.get(id)!.version });
      tenant.comments.delete(id);
    } else if (roll < 0.88 || measureIds.length === 0) {
      const { createMeasure } = await actor.data<{ createMeasure: { id: string; version: number } }>(
        'mutation($input: CreateMeasureInput!) { createMeasure(input: $input) { id version } }',
        { input: { companyId: tenant.companyId, programYearId, category: 'OPERATING_CONDITIONS', title: `점검 개선안 ${Math.floor(detail * 1e6)}`, investmentKrw: Math.floor(detail * 1e7) } },
      );
      tenant.measures.set(createMeasure.id, { version: createMeasure.version, status: 'PROPOSED' });
    } else if (roll < 0.95) {
      const id = choose(measureIds);
      const measure = tenant.measures.get(id)!;
      const { updateMeasure } = await actor.data<{ updateMeasure: { version: number } }>(
        'mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { version } }',
        { input: { id, version: measure.version, investmentKrw: Math.floor(detail * 1e8) } },
      );
      measure.version = updateMeasure.version;
    } else {
      const id = choose(measureIds);
      const measure = tenant.measures.get(id)!;
      // Verifying needs a follow-up record first; the other moves need nothing.
      const next = allowedNext(measureMachine, measure.status).filter((status) => status !== 'VERIFIED');
      if (next.length === 0) return;
      const to = choose(next);
      const { transitionMeasure } = await actor.data<{ transitionMeasure: { version: number } }>(
        'mutation($id: ID!, $version: Int!, $to: MeasureStatus!) { transitionMeasure(id: $id, version: $version, to: $to, on: "2013-03-01") { version } }',
        { id, version: measure.version, to },
      );
      Object.assign(measure, { version: transitionMeasure.version, status: to });
    }
  }
});
