import { PARTICIPATING_STATUSES, TaskStatus, type MeasureCategory, type ParticipationStatus } from '@ecohub/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { preparedRead } from '../../core/database/prepared-read.ts';
import type { ClassType } from 'type-graphql';
import type { Access } from '../../core/auth/access.ts';
import type { Selection } from '../../core/graphql/look-ahead.ts';
import { jsonObjectSql, plainColumns, preload, type PlainColumn } from '../../core/graphql/planned-read.ts';
import { isUuid } from '../../core/ids.ts';
import { Company } from '../company/company.entity.ts';
import { Participation } from '../participation/participation.entity.ts';
import { ExpertTeam } from '../team/expert-team.entity.ts';
import { ghgFactorJoins } from '../measure/index.ts';
import { overdueTaskSql } from '../task/index.ts';
import type { BoardFilter, BoardRow } from './board.types.ts';
import { figuresOf, measureAggregatesSql, type MeasureAggregateRow } from './measure-aggregates.sql.ts';

/** Stages are enum values: a plain array literal needs no quoting. */
/** The to-one relations of a board row and the row column that holds each one's id. */
const RELATIONS = { company: [Company, 'company_id'], participation: [Participation, 'participation_id'], team: [ExpertTeam, 'team_id'] } as const;

/**
 * The selected columns of each to-one relation a board row's selection asks for (look-ahead), read
 * as JSON in the board's own statement instead of loading entities; the row's field resolvers
 * return them. Null when a selected relation field needs a resolver: the rows then load entities.
 */
export type BoardRelations = { field: keyof typeof RELATIONS; table: string; columns: PlainColumn[] }[];

export function boardRelations(em: EntityManager, row: Selection): BoardRelations | null {
  const relations: BoardRelations = [];
  for (const field of Object.keys(RELATIONS) as (keyof typeof RELATIONS)[]) {
    const below = row.get(field);
    if (below === undefined) continue;
    const entity: ClassType = RELATIONS[field][0];
    const columns = below && plainColumns(em, entity, below);
    if (!columns) return null;
    relations.push({ field, table: em.getMetadata().get<object>(entity).tableName, columns });
  }
  return relations;
}

export const stagesLiteral = (stages: readonly ParticipationStatus[]) => `{${stages.join(',')}}`;

const T = TaskStatus;

/**
 * The board of a program year in one statement: one row per participating company with its
 * task and measure aggregates (the company's, and per category: what a filtered board's totals
 * add up), its last activity and its version (the company's latest event position), scoped to the companies the viewer may see
 * ('program-results'). Bounded by the year's participants (about 20), so not paginated.
 * Tasks count in a year unless they belong to a measure of another year.
 */
export async function boardRows(
  em: EntityManager,
  access: Access,
  programYearId: string,
  options: {
    filter?: BoardFilter | null;
    companyId?: string;
    relations?: BoardRelations;
    /** Each row's figures per category too (a board that totals its own rows needs them); the default. */
    withCategories?: boolean;
  } = {},
): Promise<BoardRow[]> {
  const withCategories = options.withCategories ?? true;
  const f = options.filter ?? {};
  if (!isUuid(programYearId) || (f.teamId && !isUuid(f.teamId)) || (options.companyId && !isUuid(options.companyId))) return [];
  const scope = await access.sqlCompanyCondition('program-results', 'p.company_id');
  const params: unknown[] = [programYearId, stagesLiteral(f.status ? [f.status] : PARTICIPATING_STATUSES), ...scope.params];
  let rowsWhere = '';
  if (f.teamId) {
    rowsWhere += ' and p.team_id = ?';
    params.push(f.teamId);
  }
  if (options.companyId) {
    rowsWhere += ' and p.company_id = ?';
    params.push(options.companyId);
  }
  if (f.category) params.push(f.category);
  const relations = options.relations ?? [];
  const relationsSql = relations
    .map(({ field, table, columns }) => `, (select ${jsonObjectSql(columns, 'x')} from "${table}" x where x.id = r.${RELATIONS[field][1]}) as "${field}"`)
    .join('');
  // Last activity: one step on the (company_id, created_at) index per row, not an aggregate over the history.
  // Task counts: per row from task_board_counts_index alone (a lateral join; as a CTE over every
  // participant PostgreSQL scanned the whole task table). A task counts in the year unless its
  // measure belongs to another year's participation: the row's measures as a set per row (joined
  // to measure, a planner without statistics scanned it once per row).
  // A prepared statement: planning this one took 6.6 ms at 200 companies, on every request.
  const rows = await preparedRead<MeasureAggregateRow & Record<string, unknown>>(
    em,
    `with rows as (
       select p.id as participation_id, p.company_id, p.status as stage, p.team_id, c.name_ko
         from participation p join company c on c.id = p.company_id
        where p.program_year_id = ? and p.status = any(?::text[]) and ${scope.sql}${rowsWhere}
     ),
     measures as (
       select m.participation_id as of_participation, ${withCategories ? 'm.category, grouping(m.category)' : 'null::text as category, 1'} as by_company, ${measureAggregatesSql('m')}
         from measure m ${ghgFactorJoins('m')}
        where m.participation_id in (select participation_id from rows) and m.archived_at is null
        group by ${withCategories ? 'grouping sets ((m.participation_id), (m.participation_id, m.category))' : 'm.participation_id'}
     )${
       withCategories
         ? `,
     categories as (
       select c.of_participation, json_agg(c order by c.category) as by_category
         from measures c where c.by_company = 0
        group by c.of_participation
     )`
         : ''
     }
     select r.participation_id, r.company_id, r.stage, r.team_id,
            (select max(a.created_at) from activity_entry a where a.company_id = r.company_id) as last_activity_at,
            (select max(o.seq) from outbox_event o where o.company_id = r.company_id) as version,
            tasks.todo, tasks.in_progress, tasks.in_review, tasks.done, tasks.blocked, tasks.total, tasks.overdue,
            measures.*,
            ${withCategories ? "coalesce(categories.by_category, '[]')" : 'null'} as by_category${relationsSql}
       from rows r
       left join lateral (
         select count(*) filter (where t.status = '${T.TODO}') as todo,
                count(*) filter (where t.status = '${T.IN_PROGRESS}') as in_progress,
                count(*) filter (where t.status = '${T.IN_REVIEW}') as in_review,
                count(*) filter (where t.status = '${T.DONE}') as done,
                count(*) filter (where t.status = '${T.BLOCKED}') as blocked,
                count(*) as total,
                count(*) filter (where ${overdueTaskSql('t')}) as overdue
           from task t
          where t.company_id = r.company_id and t.archived_at is null
            and (t.measure_id is null or t.measure_id in (select tm.id from measure tm where tm.participation_id = r.participation_id))
       ) tasks on true
       left join measures on measures.of_participation = r.participation_id and measures.by_company = 1
       ${withCategories ? 'left join categories on categories.of_participation = r.participation_id' : ''}
      ${f.category ? 'where r.participation_id in (select m.participation_id from measure m where m.archived_at is null and m.category = ?)' : ''}
      order by r.name_ko, r.company_id`,
    params,
  );
  if (relations.length === 0) return rows.map(toBoardRow);
  return rows.map((row) => preload(toBoardRow(row), Object.fromEntries(relations.map(({ field }) => [field, row[field]]))));
}

function toBoardRow(row: MeasureAggregateRow & Record<string, unknown>): BoardRow {
  const n = (key: string) => Number(row[key] ?? 0);
  const byCategory = (row['by_category'] as (MeasureAggregateRow & { category: MeasureCategory })[] | null) ?? [];
  return {
    ...figuresOf(row),
    id: row['participation_id'] as string,
    version: n('version'),
    byCategory: byCategory.map((figures) => ({ ...figuresOf(figures), category: figures.category })),
    companyId: row['company_id'] as string,
    participationId: row['participation_id'] as string,
    teamId: (row['team_id'] as string | null) ?? null,
    stage: row['stage'] as ParticipationStatus,
    lastActivityAt: row['last_activity_at'] ? new Date(row['last_activity_at'] as string) : null,
    taskCounts: {
      todo: n('todo'),
      inProgress: n('in_progress'),
      inReview: n('in_review'),
      done: n('done'),
      blocked: n('blocked'),
      total: n('total'),
      overdue: n('overdue'),
    },
  };
}

/**
 * One company's board row, for live updates (boardRowChanged): the same query and scope as the
 * board, so a pushed row never differs from a fetched one. Null when the company is not a
 * participant of the year or not visible to `access`.
 */
export async function boardRow(em: EntityManager, access: Access, programYearId: string, companyId: string): Promise<BoardRow | null> {
  const [row] = await boardRows(em, access, programYearId, { companyId });
  return row ?? null;
}
