/**
 * The task page: one company's first 50 tasks in board order, with assignees, measure and
 * comment count. The same selection is asked of EcoHub, PostGraphile and the floor.
 */
export const TASK_PAGE_SIZE = 50;

export const ECOHUB_TASK_PAGE = `query TaskPage($companyId: ID!) {
  tasks(filter: { companyId: $companyId }, first: ${TASK_PAGE_SIZE}) {
    edges { node { id title status priority dueOn rank assignees { id name } measure { id title } commentCount } }
  }
}`;

/** Board order as the hub sorts: columns in the domain's order, then rank, then id. */
export const FLOOR_TASK_PAGE_SQL = `select t.id, t.title, t.status, t.priority, to_char(t.due_on, 'YYYY-MM-DD') as due_on, t.rank,
       m.id as measure_id, m.title as measure_title,
       coalesce(a.assignees, '[]'::json) as assignees, coalesce(c.n, 0)::int as comment_count
  from task t
  left join measure m on m.id = t.measure_id
  left join lateral (select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name) as assignees
                       from task_assignee ta join person p on p.id = ta.person_id where ta.task_id = t.id) a on true
  left join lateral (select count(*) as n from comment c where c.task_id = t.id and c.deleted_at is null) c on true
 where t.company_id = $1 and t.archived_at is null
 order by array_position(array['TODO','IN_PROGRESS','IN_REVIEW','DONE','BLOCKED']::text[], t.status), t.rank, t.id
 limit ${TASK_PAGE_SIZE}`;
