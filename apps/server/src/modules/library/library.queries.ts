import { IMPLEMENTED_MEASURE_STATUSES, implementationRate, MeasureStatus, paybackYears, roundTo, type MeasureCategory } from '@ecohub/domain';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { sqlUuidArray } from '../../core/auth/access.ts';
import { containsPattern } from '../../core/database/records.ts';
import { assertFilterIds } from '../../core/graphql/id-filter.ts';
import { decodeCursor, encodeCursor, pageSize, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination.ts';
import { ghgFactorJoins, ghgTco2eSql } from '../measure/index.ts';
import type { LibraryEntry, LibraryKind } from './library.types.ts';

export interface LibraryFilterShape {
  category?: MeasureCategory | null;
  /** An industry code or its prefix (KSIC: C25 covers C251, C2591…). */
  industryCode?: string | null;
  /** Words in the processes examined by the company's diagnoses. */
  process?: string | null;
  /** Words in the measure's title (and, where the viewer sees the company, its description). */
  keyword?: string | null;
  programYearId?: string | null;
}

const IMPLEMENTED = `m.status in (${IMPLEMENTED_MEASURE_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const LIVE = `m.status <> '${MeasureStatus.DROPPED}'`;
const FULL_TEXT = `(m.title || ' ' || coalesce(m.description, ''))`;

/**
 * The library's rows as SQL: every measure of every company and year, filtered, with `in_scope`
 * telling whether the viewer sees the company (else the row is shown anonymously). A keyword
 * matches an anonymous entry's title only, so searching a company's name cannot reveal which
 * anonymous entry is theirs.
 */
async function librarySource(uow: UnitOfWork, filter: LibraryFilterShape | null | undefined) {
  assertFilterIds(filter, ['programYearId']);
  const view = await uow.access.libraryView();
  const f = filter ?? {};
  const inScope = view.scope === 'all' ? 'true' : `m.company_id = any('${sqlUuidArray(view.scope)}'::uuid[])`;
  const where: string[] = ['m.archived_at is null'];
  const params: unknown[] = [];
  if (f.category) {
    where.push('m.category = ?');
    params.push(f.category);
  }
  if (f.programYearId) {
    where.push('p.program_year_id = ?');
    params.push(f.programYearId);
  }
  if (f.industryCode?.trim()) {
    where.push(`c.industry_code like ?`);
    params.push(`${f.industryCode.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  }
  if (f.process?.trim()) {
    where.push(`exists (select 1 from diagnosis d where d.participation_id = m.participation_id and d.processes_examined ilike ?)`);
    params.push(containsPattern(f.process));
  }
  if (f.keyword?.trim()) {
    // The index finds rows holding every 2-character piece of the keyword; ILIKE then checks the phrase.
    where.push(`ecohub_bigrams(${FULL_TEXT}) @> ecohub_bigrams(?) and (case when ${inScope} then ${FULL_TEXT} else m.title end) ilike ?`);
    params.push(f.keyword.trim(), containsPattern(f.keyword));
  }
  const from = `from measure m
       join company c on c.id = m.company_id
       join participation p on p.id = m.participation_id
       join program_year y on y.id = p.program_year_id
       ${ghgFactorJoins('m')}
      where ${where.join(' and ')}`;
  return { view, inScope, from, params };
}

interface EntryRow {
  id: string;
  category: MeasureCategory;
  title: string;
  description: string | null;
  status: MeasureStatus;
  investment_krw: string;
  expected_annual_savings_krw: string;
  tco2e: number;
  company_id: string;
  industry_code: string;
  industry_label: string;
  year_number: number;
  year_starts_on: string;
  processes: string | null;
  in_scope: boolean;
  total: string;
}

/** Newest first; `id` is time-ordered, so it is the cursor. */
export async function searchLibrary(uow: UnitOfWork, filter: LibraryFilterShape | null | undefined, page: PageArgs): Promise<ConnectionShape<LibraryEntry>> {
  const limit = pageSize(page.first);
  const { view, inScope, from, params } = await librarySource(uow, filter);
  const after = page.after ? String(decodeCursor(page.after, 1)[0]) : null;
  const rows = await uow.em.execute<EntryRow[]>(
    `select * from (
       select m.id, m.category, m.title, m.description, m.status, m.investment_krw, m.expected_annual_savings_krw,
              ${ghgTco2eSql('m')} as tco2e, m.company_id, c.industry_code, c.industry_label,
              y.number as year_number, y.starts_on::text as year_starts_on,
              (select string_agg(d.processes_examined, ' · ' order by d.conducted_on) from diagnosis d where d.participation_id = m.participation_id) as processes,
              ${inScope} as in_scope, count(*) over () as total
         ${from}
     ) entries
     ${after ? `where id < ?` : ''}
     order by id desc limit ?`,
    [...params, ...(after ? [after] : []), limit + 1],
  );
  const total = rows[0] ? Number(rows[0].total) : after ? await countLibrary(uow, filter) : 0;
  const edges = rows.slice(0, limit).map((row) => ({ cursor: encodeCursor([row.id]), node: entryOf(row, view.anonymousFigures) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
}

async function countLibrary(uow: UnitOfWork, filter: LibraryFilterShape | null | undefined): Promise<number> {
  const { from, params } = await librarySource(uow, filter);
  const [row] = await uow.em.execute<{ count: string }[]>(`select count(*) as count ${from}`, params);
  return Number(row?.count ?? 0);
}

function entryOf(row: EntryRow, anonymousFigures: boolean): LibraryEntry {
  const full = row.in_scope;
  const figures = full || anonymousFigures;
  const investmentKrw = Number(row.investment_krw);
  const savings = Number(row.expected_annual_savings_krw);
  return {
    id: row.id,
    anonymous: !full,
    companyId: full ? row.company_id : null,
    category: row.category,
    title: row.title,
    description: full ? row.description : null,
    processes: full ? row.processes : null,
    industryCode: row.industry_code,
    industryLabel: row.industry_label,
    programYearNumber: row.year_number,
    yearStartsOn: row.year_starts_on,
    status: figures ? row.status : null,
    investmentKrw: figures ? investmentKrw : null,
    expectedAnnualSavingsKrw: figures ? savings : null,
    paybackYears: figures ? paybackYears(investmentKrw, savings) : null,
    ghgReductionTco2e: figures ? roundTo(Number(row.tco2e), 3) : null,
  };
}

/**
 * Aggregates per kind of measure (the six categories) over the same filtered set: how often it
 * was recommended, by how many companies, how often implemented, and median figures. Viewers who
 * may not read other companies' figures get figures only for kinds spread over enough companies.
 */
export async function libraryKinds(uow: UnitOfWork, filter: LibraryFilterShape | null | undefined): Promise<LibraryKind[]> {
  const { view, from, params } = await librarySource(uow, filter);
  const rows = await uow.em.execute<Record<string, string | number | null>[]>(
    `select m.category,
            count(*) as times, count(distinct m.company_id) as companies,
            count(*) filter (where ${IMPLEMENTED}) as implemented, count(*) filter (where ${LIVE}) as live,
            coalesce(sum(m.expected_annual_savings_krw) filter (where ${IMPLEMENTED}), 0) as implemented_savings,
            coalesce(sum(m.expected_annual_savings_krw) filter (where ${LIVE}), 0) as savings,
            percentile_cont(0.5) within group (order by m.investment_krw) filter (where ${LIVE}) as median_investment,
            percentile_cont(0.5) within group (order by m.expected_annual_savings_krw) filter (where ${LIVE}) as median_savings,
            percentile_cont(0.5) within group (order by m.investment_krw::numeric / nullif(m.expected_annual_savings_krw, 0))
              filter (where ${LIVE} and m.expected_annual_savings_krw > 0) as median_payback
       ${from}
      group by m.category order by m.category`,
    params,
  );
  return rows.map((row) => {
    const companies = Number(row['companies']);
    const shown = companies >= view.minCompanies;
    const num = (key: string) => (row[key] === null ? null : Number(row[key]));
    return {
      category: row['category'] as MeasureCategory,
      timesRecommended: Number(row['times']),
      companies,
      figuresWithheld: !shown,
      implementationRate: shown ? implementationRate(Number(row['implemented']), Number(row['live'])) : null,
      implementationRateBySavings: shown ? implementationRate(Number(row['implemented_savings']), Number(row['savings'])) : null,
      medianInvestmentKrw: shown && num('median_investment') !== null ? Math.round(num('median_investment')!) : null,
      medianAnnualSavingsKrw: shown && num('median_savings') !== null ? Math.round(num('median_savings')!) : null,
      medianPaybackYears: shown && num('median_payback') !== null ? roundTo(num('median_payback')!, 2) : null,
    };
  });
}
