import { MEASURE_CATEGORIES, MeasureStatus, TASK_PRIORITIES, TASK_STATUSES, initialRanks } from '@ecohub/domain';
import pg from 'pg';
import { hashPassword } from '../../../apps/server/src/core/auth/password.ts';
import { BENCH_ID_SQL, SESSION_TOKEN_PREFIX, benchId, sessionToken } from './ids.ts';

export interface DataShape {
  /** Companies per program year: one year per entry (20 and 200 by default). */
  programs: { key: string; companies: number }[];
  tasksPerCompany: number;
  measuresPerCompany: number;
  /** Spread evenly over the company's tasks. */
  commentsPerCompany: number;
  /** Program-manager sessions with known tokens (one per socket of the idle-scale scenario). */
  sessions: number;
}

export interface GeneratedData {
  shape: DataShape;
  ms: number;
  rows: Record<string, number>;
  yearId(key: string): string;
  companyId(n: number): string;
  taskId(company: number, task: number): string;
  /** Global company numbers of a program: the first program's companies come first. */
  companies(key: string): number[];
  /** Cookie header of generated session n (1-based; sessions cycle over the managers). */
  cookie(n: number): string;
}

export const PASSWORD = 'bench-password-123';
const MANAGERS = 20;
const STAFF_PER_COMPANY = 3;
const EXPERTS_PER_TEAM = 3;
const COMPANIES_PER_TEAM = 10;

/**
 * Seeds a large program straight into the schema with set-based inserts (generate_series, a few
 * statements per table), in one transaction: hundreds of thousands of rows in seconds, not the
 * minutes the ORM would need row by row. Everyone shares one argon2 hash; sessions are inserted
 * with known tokens (the table keeps sha256(token), as the hub does).
 */
export async function generateData(databaseUrl: string, shape: DataShape): Promise<GeneratedData> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const total = shape.programs.reduce((sum, program) => sum + program.companies, 0);
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const program of shape.programs) {
    offsets.set(program.key, offset);
    offset += program.companies;
  }
  const rows: Record<string, number> = {};
  const run = async (table: string, sql: string, params: unknown[] = []) => {
    const result = await client.query(sql, params);
    rows[table] = (rows[table] ?? 0) + (result.rowCount ?? 0);
  };
  try {
    await client.query('begin');
    await client.query(BENCH_ID_SQL);
    const passwordHash = await hashPassword(PASSWORD);
    const keys = shape.programs.map((program) => program.key);

    await run('organization', `insert into organization (id, name_ko, name_en, kind) values (pg_temp.bench_id('org'), '벤치 주관기업', 'Bench host firm', 'HOST_FIRM')`);
    await run(
      'emission_factor',
      `insert into emission_factor (id, kind, valid_from_year, valid_to_year, value, source)
       values (pg_temp.bench_id('factor-e'), 'ELECTRICITY', 2012, 2013, 0.424, 'bench'),
              (pg_temp.bench_id('factor-l'), 'LNG', 2012, 2013, 2.176, 'bench'),
              (pg_temp.bench_id('factor-w'), 'WATER', 2012, 2013, 0.237, 'bench')`,
    );
    await run(
      'program',
      `insert into program (id, name_ko, name_en, region, host_organization_id, duration_years)
       select pg_temp.bench_id('program-' || k), '벤치 에코혁신 ' || k, 'Bench eco-innovation ' || k, '안산', pg_temp.bench_id('org'), 3
         from unnest($1::text[]) k`,
      [keys],
    );
    await run(
      'program_year',
      `insert into program_year (id, program_id, number, starts_on, ends_on)
       select pg_temp.bench_id('year-' || k), pg_temp.bench_id('program-' || k), 1, '2012-10-01', '2013-07-31' from unnest($1::text[]) k`,
      [keys],
    );
    await run(
      'budget_line',
      `insert into budget_line (id, program_year_id, source, planned_krw, spent_krw)
       select pg_temp.bench_id('budget-' || k || '-' || s), pg_temp.bench_id('year-' || k), s, 100000000, 40000000
         from unnest($1::text[]) k cross join unnest(array['GOVERNMENT', 'CITY', 'COMPANY', 'HOST']) s`,
      [keys],
    );

    // One row per company: its program, its position in it and its team (10 companies a team).
    await client.query(
      `create temp table bc on commit drop as
       select n, k, n - o as i, pg_temp.bench_id('company-' || n) as id, pg_temp.bench_id('year-' || k) as year_id,
              pg_temp.bench_id('participation-' || n) as part_id, ((n - o - 1) / ${COMPANIES_PER_TEAM}) as team_no
         from generate_series(1, $1::int) n
         join (select k, o, c from unnest($2::text[], $3::int[], $4::int[]) as p(k, o, c)) p on n > p.o and n <= p.o + p.c`,
      [total, keys, keys.map((key) => offsets.get(key)), shape.programs.map((program) => program.companies)],
    );
    await client.query(
      `create temp table bt on commit drop as
       select distinct k, team_no, year_id, pg_temp.bench_id('team-' || k || '-' || team_no) as id from bc`,
    );

    await run(
      'company',
      `insert into company (id, name_ko, name_en, business_number, industry_code, industry_label, industrial_complex, employees, ceo_name)
       select id, '벤치기업 ' || lpad(n::text, 3, '0'), 'Bench Co. ' || n, '999-' || lpad((n / 100000)::text, 2, '0') || '-' || lpad((n % 100000)::text, 5, '0'),
              'C25', '금속가공제품 제조업', '반월국가산업단지', 20 + n % 80, '대표 ' || n
         from bc`,
    );
    await run(
      'person',
      `insert into person (id, email, name, role, company_id, password_hash)
       select pg_temp.bench_id('staff-' || bc.n || '-' || j), 'staff-' || bc.n || '-' || j || '@bench.ecohub.test', '직원 ' || bc.n || '-' || j,
              'COMPANY_STAFF', bc.id, $1
         from bc cross join generate_series(1, ${STAFF_PER_COMPANY}) j
       union all
       select pg_temp.bench_id('expert-' || bt.k || '-' || bt.team_no || '-' || j), 'expert-' || bt.k || '-' || bt.team_no || '-' || j || '@bench.ecohub.test',
              '전문가 ' || bt.k || bt.team_no || '-' || j, 'EXPERT', null, $1
         from bt cross join generate_series(1, ${EXPERTS_PER_TEAM}) j
       union all
       select pg_temp.bench_id('manager-' || j), 'manager-' || j || '@bench.ecohub.test', '관리자 ' || j, 'PROGRAM_MANAGER', null, $1
         from generate_series(1, ${MANAGERS}) j`,
      [passwordHash],
    );
    await run(
      'expert_team',
      `insert into expert_team (id, program_year_id, name, lead_id, focus)
       select id, year_id, '전문가팀 ' || k || '-' || team_no, pg_temp.bench_id('expert-' || k || '-' || team_no || '-1'), '청정생산' from bt`,
    );
    await run(
      'team_membership',
      `insert into team_membership (id, team_id, person_id, specialty)
       select pg_temp.bench_id('membership-' || k || '-' || team_no || '-' || j), id, pg_temp.bench_id('expert-' || k || '-' || team_no || '-' || j),
              (array['ENERGY', 'PROCESS', 'WASTEWATER'])[j]
         from bt cross join generate_series(1, ${EXPERTS_PER_TEAM}) j`,
    );
    await run(
      'participation',
      `insert into participation (id, program_year_id, company_id, status, team_id, contribution_krw, applied_on,
                                  initially_diagnosed_on, selected_on, agreement_signed_on, active_on)
       select part_id, year_id, id, 'ACTIVE', pg_temp.bench_id('team-' || k || '-' || team_no), 2750000,
              '2012-08-20', '2012-09-10', '2012-09-28', '2012-10-05', '2012-10-08'
         from bc`,
    );
    await run(
      'diagnosis',
      `insert into diagnosis (id, participation_id, company_id, kind, conducted_on, lead_expert_id, processes_examined, findings)
       select pg_temp.bench_id('diagnosis-' || n), part_id, id, 'INITIAL', '2012-09-10', pg_temp.bench_id('expert-' || k || '-' || team_no || '-1'),
              '도장, 건조, 세척 공정', '건조로 배기열 회수 여지가 크고 세척수 재이용이 가능함'
         from bc`,
    );
    await run(
      'measure',
      `insert into measure (id, participation_id, company_id, category, title, status, owner_id, investment_krw,
                            expected_annual_savings_krw, electricity_kwh_per_year, lng_nm3per_year, water_m3per_year, waste_tper_year,
                            electricity_factor_id, lng_factor_id, water_factor_id)
       select pg_temp.bench_id('measure-' || bc.n || '-' || m), part_id, id, ($1::text[])[1 + (m - 1) % ${MEASURE_CATEGORIES.length}],
              '개선안 ' || bc.n || '-' || m, ($2::text[])[1 + (bc.n + m) % 5], pg_temp.bench_id('expert-' || k || '-' || team_no || '-' || (1 + m % ${EXPERTS_PER_TEAM})),
              m * 10000000, m * 3000000, m * 12000, m * 800, m * 300, m * 1.5,
              pg_temp.bench_id('factor-e'), pg_temp.bench_id('factor-l'), pg_temp.bench_id('factor-w')
         from bc cross join generate_series(1, $3::int) m`,
      [MEASURE_CATEGORIES, [MeasureStatus.PROPOSED, MeasureStatus.APPROVED, MeasureStatus.IN_PROGRESS, MeasureStatus.IMPLEMENTED, MeasureStatus.VERIFIED], shape.measuresPerCompany],
    );
    // Tasks cycle through the columns; each column's cards get evenly spread fractional ranks.
    const perColumn = Math.ceil(shape.tasksPerCompany / TASK_STATUSES.length);
    await run(
      'task',
      `insert into task (id, company_id, measure_id, title, description, status, priority, due_on, rank, created_by_id)
       select pg_temp.bench_id('task-' || bc.n || '-' || t), id,
              case when t <= $1::int * 4 then pg_temp.bench_id('measure-' || bc.n || '-' || (1 + (t - 1) % $1::int)) end,
              '작업 ' || bc.n || '-' || t || ': 배기열 회수 설비 점검', '현장 점검 후 결과를 공유합니다.',
              ($2::text[])[1 + (t - 1) % ${TASK_STATUSES.length}], ($3::text[])[1 + t % ${TASK_PRIORITIES.length}],
              date '2013-01-15' + t, ($4::text[])[1 + (t - 1) / ${TASK_STATUSES.length}],
              pg_temp.bench_id('expert-' || k || '-' || team_no || '-1')
         from bc cross join generate_series(1, $5::int) t`,
      [shape.measuresPerCompany, TASK_STATUSES, TASK_PRIORITIES, initialRanks(perColumn), shape.tasksPerCompany],
    );
    await run(
      'task_assignee',
      `insert into task_assignee (task_id, person_id)
       select pg_temp.bench_id('task-' || bc.n || '-' || t), pg_temp.bench_id('staff-' || bc.n || '-' || (1 + t % ${STAFF_PER_COMPANY}))
         from bc cross join generate_series(1, $1::int) t
       union all
       select pg_temp.bench_id('task-' || bc.n || '-' || t), pg_temp.bench_id('expert-' || k || '-' || team_no || '-' || (1 + t % ${EXPERTS_PER_TEAM}))
         from bc cross join generate_series(1, $1::int) t where t % 2 = 0`,
      [shape.tasksPerCompany],
    );
    await run(
      'comment',
      `insert into comment (id, created_at, updated_at, task_id, company_id, author_id, body, visibility)
       select pg_temp.bench_id('comment-' || bc.n || '-' || c), ts, ts,
              pg_temp.bench_id('task-' || bc.n || '-' || (1 + (c - 1) % $1::int)), id,
              case when c % 2 = 0 then pg_temp.bench_id('staff-' || bc.n || '-1') else pg_temp.bench_id('expert-' || k || '-' || team_no || '-1') end,
              '측정 결과를 첨부했습니다. 다음 주 현장 방문 때 확인 부탁드립니다. (' || c || ')',
              case when c % 5 = 0 then 'INTERNAL' else 'SHARED' end
         from bc cross join generate_series(1, $2::int) c cross join lateral (select timestamptz '2013-01-01 09:00+09' + c * interval '37 minutes' as ts) x`,
      [shape.tasksPerCompany, shape.commentsPerCompany],
    );
    await run(
      'session',
      `insert into session (id, token_hash, person_id, expires_at)
       select pg_temp.bench_id('session-' || s), encode(sha256(convert_to($2 || s, 'UTF8')), 'hex'),
              pg_temp.bench_id('manager-' || (1 + (s - 1) % ${MANAGERS})), now() + interval '30 days'
         from generate_series(1, $1::int) s`,
      [shape.sessions, SESSION_TOKEN_PREFIX],
    );
    await client.query('commit');
    // Vacuum as well as analyze: otherwise autovacuum visits the freshly written tables (insert
    // threshold) a minute later, in the middle of whichever scenario runs then.
    await client.query('vacuum (analyze)');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  return {
    shape,
    ms: performance.now() - started,
    rows,
    yearId: (key) => benchId(`year-${key}`),
    companyId: (n) => benchId(`company-${n}`),
    taskId: (company, task) => benchId(`task-${company}-${task}`),
    companies(key) {
      const program = shape.programs.find((p) => p.key === key);
      if (!program) throw new Error(`no program ${key}`);
      const first = (offsets.get(key) ?? 0) + 1;
      return Array.from({ length: program.companies }, (_, i) => first + i);
    },
    cookie: (n) => `ecohub_session=${sessionToken(n)}`,
  };
}
