import { badInput } from '../../core/errors.ts';
import type { UnitOfWork } from '../../core/actor/unit-of-work.ts';
import { sqlEventCondition } from '../../core/auth/visibility.ts';
import { containsPattern } from '../../core/database/records.ts';
import type { SearchHit, SearchKind } from './search.types.ts';

interface Part {
  sql: string;
  params: unknown[];
}

/**
 * One searchable column of one kind of record: `text` is the SQL of the text matched, `visible`
 * the viewer's policy condition on the row (from core/auth, as every list uses).
 */
function part(
  kind: SearchKind,
  from: string,
  text: string,
  columns: { context: string; companyId: string; taskId: string; ranked?: string[] },
  visible: Part,
  query: string,
): Part {
  // A name is ranked by its best form (Korean or English); other texts by themselves.
  const ranked = columns.ranked ?? [text];
  const score = (column: string) => `case when lower(${column}) = lower(?) then 1000
                  when lower(${column}) like lower(?) then 500
                  when position(lower(?) in lower(${column})) > 0 then 100 - least(position(lower(?) in lower(${column})), 99)
                  else 0 end - coalesce(char_length(${column}), 0) / 1000.0`;
  const prefix = containsPattern(query).slice(1);
  return {
    sql: `select '${kind}' as kind, x.id, ${text} as title, ${columns.context} as context, ${columns.companyId} as company_id, ${columns.taskId} as task_id,
             greatest(${ranked.map(score).join(', ')}) as score
        from ${from}
       where ecohub_bigrams(${text}) @> ecohub_bigrams(?) and ${text} ilike ? and ${visible.sql}`,
    params: [...ranked.flatMap(() => [query, prefix, query, query]), query, containsPattern(query), ...visible.params],
  };
}

/**
 * Companies, tasks, measures, diagnoses, comments, people and events whose text contains the
 * query, best first. Two-syllable Korean words match (the `ecohub_bigrams` index of the measure
 * library, see its migration); each kind is filtered in SQL by the viewer's policy.
 */
export async function search(ctx: UnitOfWork, rawQuery: string, first: number): Promise<SearchHit[]> {
  const query = rawQuery.trim();
  if (!query) return [];
  if (query.length > 100) throw badInput('A search is at most 100 characters');
  if (first < 1 || first > 50) throw badInput('first must be between 1 and 50');
  const access = ctx.access;
  const results = await access.sqlCompanyCondition('program-results', 'x.id');
  const work = (column: string) => access.sqlCompanyCondition('work', column);
  const people = await access.sqlCompanyCondition('people', 'x.company_id');
  const comments = await access.sqlCommentCondition('x');
  const event = sqlEventCondition(ctx.viewer, await access.scope('work'), 'x');
  const company = `(select name_ko from company c where c.id = x.company_id)`;
  const noTask = 'null::uuid';
  const parts = [
    part('COMPANY', 'company x', `x.name_ko || coalesce(' · ' || x.name_en, '')`, { context: 'x.industry_label', companyId: 'x.id', taskId: noTask, ranked: ['x.name_ko', 'x.name_en'] }, { sql: `x.archived_at is null and ${results.sql}`, params: results.params }, query),
    part('TASK', 'task x', 'x.title', { context: company, companyId: 'x.company_id', taskId: noTask }, await withArchived(work('x.company_id')), query),
    // Measures are program results (as on the measures page), diagnoses and tasks the consulting work.
    part('MEASURE', 'measure x', 'x.title', { context: company, companyId: 'x.company_id', taskId: noTask }, await withArchived(access.sqlCompanyCondition('program-results', 'x.company_id')), query),
    part('DIAGNOSIS', 'diagnosis x', 'x.processes_examined', { context: company, companyId: 'x.company_id', taskId: noTask }, await work('x.company_id'), query),
    part('COMMENT', 'comment x', 'x.body', { context: `(select title from task t where t.id = x.task_id)`, companyId: 'x.company_id', taskId: 'x.task_id' }, { sql: `x.deleted_at is null and ${comments.sql}`, params: comments.params }, query),
    part('PERSON', 'person x', `x.name || coalesce(' · ' || x.name_en, '')`, { context: company, companyId: 'x.company_id', taskId: noTask, ranked: ['x.name', 'x.name_en'] }, { sql: `x.disabled_at is null and ${people.sql}`, params: people.params }, query),
    part('EVENT', 'program_event x', 'x.title', { context: 'x.venue', companyId: 'null::uuid', taskId: noTask }, event, query),
  ];
  const rows: { kind: SearchKind; id: string; title: string; context: string | null; company_id: string | null; task_id: string | null; score: string }[] = await ctx.em.execute(
    `select * from (${parts.map((p) => `(${p.sql})`).join(' union all ')}) hits order by score desc, title limit ?`,
    [...parts.flatMap((p) => p.params), first],
  );
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    title: row.title.length > 160 ? `${row.title.slice(0, 159)}…` : row.title,
    context: row.context,
    companyId: row.company_id,
    taskId: row.task_id,
    score: Number(row.score),
  }));
}

async function withArchived(condition: Promise<Part>): Promise<Part> {
  const { sql, params } = await condition;
  return { sql: `x.archived_at is null and ${sql}`, params };
}
