import { Migration } from '@mikro-orm/migrations';

/**
 * The task page's statement (modules/task/task.queries.ts) read from indexes:
 * - a company's live tasks in board order (column in the domain's order, rank, id): the page is
 *   the index's first rows, with no sort, and its total an index-only count. The expression must
 *   stay the one `COLUMN_ORDER_SQL` writes, or PostgreSQL no longer matches it.
 * - live comments per task with the columns the viewer's comment condition reads (visibility,
 *   company): each task's comment count comes from the index alone, without visiting the rows.
 */
export class Migration20261206192600 extends Migration {
  override name = 'Migration20261206192600_task_page_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "task_board_order_index" on "task"
      ("company_id", array_position(array['TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'BLOCKED']::text[], "status"), "rank", "id")
      where "archived_at" is null;`);
    this.addSql(`create index "comment_task_id_live_index" on "comment" ("task_id") include ("visibility", "company_id") where "deleted_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "comment_task_id_live_index";`);
    this.addSql(`drop index "task_board_order_index";`);
  }
}
