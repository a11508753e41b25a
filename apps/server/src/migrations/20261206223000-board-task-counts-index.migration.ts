import { Migration } from '@mikro-orm/migrations';

/**
 * The board's task counts (modules/board/board.queries.ts) from the index alone: a company's live
 * tasks with every column the counts read (status, due and as-of dates, the measure that decides
 * the year). Without it the board scanned the whole task table on every request.
 */
export class Migration20261206223000 extends Migration {
  override name = 'Migration20261206223000_board_task_counts_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "task_board_counts_index" on "task" ("company_id")
      include ("status", "due_on", "as_of_on", "measure_id") where "archived_at" is null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "task_board_counts_index";`);
  }
}
