import {
  MEASURE_CATEGORIES,
  MEASURE_STATUSES,
  PARTICIPATING_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  extractMentionIds,
  isValidBusinessNumber,
} from '@ecohub/domain';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../core/auth/password.ts';
import { connectOrm } from '../core/database/database.ts';
import { createLogger } from '../core/logger.ts';
import { createTestDatabase, startTestServer, type TestServer } from '../testing/index.ts';
import { overdueTaskSql } from '../modules/task/index.ts';
import { DEMO_LOGINS, DEMO_PASSWORD, seedAnsanProgram } from './ansan.seeder.ts';

const logger = createLogger({ logLevel: 'silent' });

describe('the Ansan seed', () => {
  let hub: TestServer;
  let orm: MikroORM;
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.fork().execute<T[]>(query, params);
  const one = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) => (await sql<T>(query, params))[0] as T;

  beforeAll(async () => {
    hub = await startTestServer({ seeded: true });
    orm = hub.server.orm;
  });
  afterAll(() => hub.close());

  it('plans the 563 million KRW year-1 budget as government 308, city 100, companies 55, host 100', async () => {
    const lines = await sql<{ source: string; planned: string }>(
      `select b.source, b.planned_krw as planned from budget_line b join program_year y on y.id = b.program_year_id where y.number = 1`,
    );
    expect(Object.fromEntries(lines.map((l) => [l.source, Number(l.planned)]))).toEqual({
      GOVERNMENT: 308_000_000,
      CITY: 100_000_000,
      COMPANY: 55_000_000,
      HOST: 100_000_000,
    });
  });

  it('has about 30 applicants of which 20 participate, paying 55 million KRW together, five per team', async () => {
    const rows = await sql<{ status: string; contribution: string; team_id: string | null }>(
      'select status, contribution_krw as contribution, team_id from participation',
    );
    expect(rows.length).toBeGreaterThanOrEqual(28);
    expect(rows.length).toBeLessThanOrEqual(32);
    const participating = rows.filter((r) => PARTICIPATING_STATUSES.includes(r.status as never));
    expect(participating).toHaveLength(20);
    expect(participating.reduce((sum, r) => sum + Number(r.contribution), 0)).toBe(55_000_000);
    const perTeam = new Map<string | null, number>();
    for (const { team_id } of participating) perTeam.set(team_id, (perTeam.get(team_id) ?? 0) + 1);
    expect(perTeam.has(null)).toBe(false);
    expect([...perTeam.values()]).toEqual([5, 5, 5, 5]);
    expect(rows.filter((r) => r.status === 'NOT_SELECTED').length).toBeGreaterThanOrEqual(8);
  });

  it('gives every applicant an initial diagnosis and every participant a detailed one', async () => {
    const counts = await one<{ initial: string; detailed: string; companies: string }>(
      `select count(*) filter (where kind = 'INITIAL') as initial, count(*) filter (where kind = 'DETAILED') as detailed,
              (select count(*) from company) as companies from diagnosis`,
    );
    expect(Number(counts.initial)).toBe(Number(counts.companies));
    expect(Number(counts.detailed)).toBe(20);
  });

  it('has four expert teams, each led by one of its members', async () => {
    const teams = await sql<{ members: string; lead_is_member: boolean }>(
      `select count(m.id) as members, bool_or(m.person_id = t.lead_id) as lead_is_member
         from expert_team t join team_membership m on m.team_id = t.id group by t.id`,
    );
    expect(teams).toHaveLength(4);
    for (const team of teams) {
      expect(Number(team.members)).toBeGreaterThanOrEqual(3);
      expect(team.lead_is_member).toBe(true);
    }
  });

  it('has measures in all six categories and every status, 4 to 8 per participant, using year-1 factors', async () => {
    const categories = await sql<{ category: string }>('select distinct category from measure');
    expect(categories.map((r) => r.category).sort()).toEqual([...MEASURE_CATEGORIES].sort());
    const statuses = await sql<{ status: string }>('select distinct status from measure');
    expect(statuses.map((r) => r.status).sort()).toEqual([...MEASURE_STATUSES].sort());
    const perCompany = await sql<{ n: string }>('select count(*) as n from measure group by company_id');
    expect(perCompany).toHaveLength(20);
    const measureCounts = perCompany.map(({ n }) => Number(n));
    expect(Math.min(...measureCounts)).toBeGreaterThanOrEqual(4);
    expect(Math.max(...measureCounts)).toBeLessThanOrEqual(8);
    const factors = await one<{ wrong: string }>(
      `select count(*) as wrong from measure m join emission_factor f on f.id = m.electricity_factor_id
        where not (f.valid_from_year <= 2012 and f.valid_to_year >= 2012)`,
    );
    expect(Number(factors.wrong)).toBe(0);
    const verified = await one<{ missing: string }>(
      `select count(*) as missing from measure where status in ('IMPLEMENTED', 'VERIFIED')
          and (verified_annual_savings_krw is null or implemented_on is null or follow_up_due_on is null)`,
    );
    expect(Number(verified.missing)).toBe(0);
  });

  it('has tasks in every status and priority, with overdue and soon-due open work', async () => {
    const statuses = await sql<{ status: string }>('select distinct status from task');
    expect(statuses.map((r) => r.status).sort()).toEqual([...TASK_STATUSES].sort());
    const priorities = await sql<{ priority: string }>('select distinct priority from task');
    expect(priorities.map((r) => r.priority).sort()).toEqual([...TASK_PRIORITIES].sort());
    const perCompany = await sql<{ n: string }>('select count(*) as n from task group by company_id');
    expect(perCompany).toHaveLength(20);
    const taskCounts = perCompany.map(({ n }) => Number(n));
    expect(Math.min(...taskCounts)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...taskCounts)).toBeLessThanOrEqual(12);
    // Due marks are read on the day the seeded year is recorded as of, not the real date.
    const due = await one<{ overdue: string; soon: string }>(
      `select count(*) filter (where due_on < as_of_on) as overdue,
              count(*) filter (where due_on between as_of_on and as_of_on + 6) as soon
         from task where status <> 'DONE'`,
    );
    expect(Number(due.overdue)).toBeGreaterThan(0);
    expect(Number(due.soon)).toBeGreaterThan(0);
    const unranked = await one<{ n: string }>(`select count(*) as n from task where rank = ''`);
    expect(Number(unranked.n)).toBe(0);
  });

  it('writes Korean comments, some internal, whose mentions match the tokens in their bodies', async () => {
    const comments = await sql<{ id: string; body: string; visibility: string }>('select id, body, visibility from comment');
    expect(comments.length).toBeGreaterThan(100);
    expect(comments.some((c) => c.visibility === 'INTERNAL')).toBe(true);
    expect(comments.every((c) => /[가-힣]/.test(c.body))).toBe(true);
    const mentions = await sql<{ comment_id: string; person_id: string }>('select comment_id, person_id from comment_mention');
    expect(mentions.length).toBeGreaterThan(0);
    for (const comment of comments) {
      const stored = mentions.filter((m) => m.comment_id === comment.id).map((m) => m.person_id).sort();
      expect(stored).toEqual(extractMentionIds(comment.body).sort());
    }
  });

  it('holds the kick-off on 2012-11-22 in Ansan with about 50 attendees from the 20 companies and guests', async () => {
    const kickoff = await one<{ id: string; day: string; venue: string; invited: string; attendances: string; guests: string }>(
      `select e.id, to_char(e.starts_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') as day, e.venue,
              (select count(*) from program_event_invitee i where i.program_event_id = e.id) as invited,
              (select count(*) from attendance a where a.event_id = e.id) as attendances,
              (select count(*) from attendance a where a.event_id = e.id and a.person_id is null) as guests
         from program_event e where e.kind = 'KICKOFF'`,
    );
    expect(kickoff.day).toBe('2012-11-22');
    expect(kickoff.venue).toContain('안산');
    expect(Number(kickoff.invited)).toBe(20);
    expect(Number(kickoff.attendances)).toBeGreaterThanOrEqual(45);
    expect(Number(kickoff.attendances)).toBeLessThanOrEqual(55);
    expect(Number(kickoff.guests)).toBeGreaterThan(0);
    const kinds = await sql<{ kind: string }>('select distinct kind from program_event');
    expect(kinds.map((k) => k.kind).sort()).toEqual(['ECO_CLUB', 'KICKOFF', 'SITE_VISIT', 'TRAINING', 'WORKSHOP']);
  });

  it('has one person per demo login whose password is the demo password', async () => {
    for (const login of DEMO_LOGINS) {
      const people = await sql<{ role: string; password_hash: string | null }>('select role, password_hash from person where email = ?', [login.email]);
      expect(people).toHaveLength(1);
      expect(people[0]?.role).toBe(login.role);
      expect(await verifyPassword(people[0]?.password_hash ?? '', DEMO_PASSWORD)).toBe(true);
    }
  });

  it('puts the staff demo login at the plating company whose team the expert demo login leads', async () => {
    const row = await one<{ company: string; lead: string }>(
      `select c.name_ko as company, l.email as lead
         from person s join company c on c.id = s.company_id
         join participation p on p.company_id = c.id join expert_team t on t.id = p.team_id join person l on l.id = t.lead_id
        where s.email = 'staff@hanilplating.co.kr'`,
    );
    expect(row.company).toContain('한일도금');
    expect(row.lead).toBe('expert@ecofrontier.co.kr');
  });

  it('gives every company a valid business registration number', async () => {
    const companies = await sql<{ business_number: string }>('select business_number from company');
    expect(companies.length).toBeGreaterThan(0);
    for (const { business_number } of companies) expect(isValidBusinessNumber(business_number), business_number).toBe(true);
  });

  it('dates every seeded record on year 1 calendar, on or before the day it is recorded as of', async () => {
    const asOf = '2013-07-19T18:00:00+09:00';
    const span = await one<Record<string, string>>(
      `select (select min(least(created_at, updated_at)) from task) as task_min,
              (select max(greatest(created_at, updated_at, completed_at)) from task) as task_max,
              (select max(due_on) from task)::text as due_max,
              (select array_agg(distinct as_of_on::text) from task)::text as as_of,
              (select max(created_at) from comment) as comment_max,
              (select max(created_at) from notification) as notification_max,
              (select max(created_at) from activity_entry where action <> 'seed.imported') as activity_max,
              (select max(greatest(m.updated_at, m.implemented_on::timestamptz, m.follow_up_checked_on::timestamptz)) from measure m) as measure_max,
              (select max(starts_at) from program_event) as event_max,
              (select min(least(applied_on)) from participation)::text as applied_min`,
    );
    expect(span['as_of']).toBe('{2013-07-19}');
    for (const key of ['task_max', 'comment_max', 'notification_max', 'activity_max', 'measure_max', 'event_max']) {
      expect(new Date(span[key] as string).getTime(), key).toBeLessThanOrEqual(new Date(asOf).getTime());
    }
    // The public call opened in August 2012; year 1's work is due by its last day.
    expect(new Date(span['task_min'] as string).getTime()).toBeGreaterThanOrEqual(new Date('2012-08-01T00:00:00+09:00').getTime());
    expect(span['applied_min']! >= '2012-08-01').toBe(true);
    expect(span['due_max']! <= '2013-07-31').toBe(true);
    // The board's "last activity" follows the task boards: each participant's last entry is recent as of that day.
    const last = await sql<{ last: string }>(
      `select max(a.created_at) as last from activity_entry a join participation p on p.company_id = a.company_id
        where p.status = 'ACTIVE' group by a.company_id`,
    );
    expect(last).toHaveLength(20);
    for (const { last: at } of last) expect(new Date(at).getTime()).toBeGreaterThan(new Date('2013-06-01T00:00:00+09:00').getTime());
  });

  it('marks as overdue only the open work due before the year\'s own today, not every company', async () => {
    const rows = await sql<{ company_id: string; open: string; overdue: string; board_overdue: string }>(
      `select t.company_id,
              count(*) filter (where t.status <> 'DONE') as open,
              count(*) filter (where t.status <> 'DONE' and t.due_on < date '2013-07-19') as overdue,
              count(*) filter (where ${overdueTaskSql('t')}) as board_overdue
         from task t group by t.company_id`,
    );
    const total = (key: 'open' | 'overdue' | 'board_overdue') => rows.reduce((sum, r) => sum + Number(r[key]), 0);
    // The board's SQL reads the year's as-of day, whatever the real date is.
    expect(total('board_overdue')).toBe(total('overdue'));
    expect(total('overdue')).toBeGreaterThan(0);
    expect(total('overdue')).toBeLessThan(total('open') / 2);
    const late = rows.filter((r) => Number(r.overdue) > 0).length;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(rows.length);
  });

  it('leaves an already seeded database unchanged', async () => {
    const before = await tableCounts(orm);
    expect(await seedAnsanProgram(orm.em.fork(), logger)).toBe(false);
    expect(await tableCounts(orm)).toEqual(before);
  });

  it('seeds the same content whatever the real date, in a few batched statements', async () => {
    const digests = [];
    for (const now of [new Date('2026-03-02T01:00:00Z'), new Date('2027-11-20T15:30:00Z')]) {
      const database = await createTestDatabase(inject('testDatabaseAdminUrl'), false);
      let statements = 0;
      const fresh = await connectOrm(database.url, logger, { onQuery: () => statements++ });
      try {
        expect(await seedAnsanProgram(fresh.em.fork(), logger, { now })).toBe(true);
        // Inserts are batched per table: a row-by-row seed would take thousands of statements.
        expect(statements).toBeLessThan(400);
        digests.push(await contentDigest(fresh));
      } finally {
        await fresh.close();
        await database.drop();
      }
    }
    expect(digests[1]).toEqual(digests[0]);
  });
});

async function tableCounts(orm: MikroORM): Promise<Record<string, number>> {
  const tables = await orm.em.fork().execute<{ name: string }[]>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'mikro_orm%' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from "${name}"`);
    counts[name] = Number(row?.n);
  }
  return counts;
}

/** What the seed wrote, without the random ids and creation stamps. */
async function contentDigest(orm: MikroORM): Promise<unknown> {
  const em = orm.em.fork();
  return {
    companies: await em.execute('select name_ko, business_number, ceo_name, contact_email from company order by name_ko'),
    measures: await em.execute(
      `select c.name_ko, m.title, m.status, m.investment_krw, m.expected_annual_savings_krw, m.follow_up_due_on
         from measure m join company c on c.id = m.company_id order by 1, 2`,
    ),
    tasks: await em.execute(
      `select c.name_ko, t.title, t.status, t.priority, t.due_on, t.rank from task t join company c on c.id = t.company_id order by 1, 2, 6`,
    ),
    // Mention tokens carry person ids, which are random: compare the names only.
    comments: await em.execute(
      `select regexp_replace(body, '\\(person:[^)]*\\)', '', 'g') as body, visibility, created_at from comment order by created_at, body`,
    ),
    attendances: await em.execute(
      `select e.title, coalesce(p.email, a.guest_name) as who, a.attended from attendance a
         join program_event e on e.id = a.event_id left join person p on p.id = a.person_id order by 1, 2`,
    ),
  };
}
