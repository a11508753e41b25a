import { Migration } from '@mikro-orm/migrations';

/**
 * A task recorded as of a past day (a replayed program year, e.g. the demo's 2012–13 year):
 * its due marks are read on that day instead of today, so a year that ended long ago does not
 * show every open card as overdue. Null for live work.
 */
export class Migration20261206151900 extends Migration {
  override name = 'Migration20261206151900_task_as_of';

  override up(): void | Promise<void> {
    this.addSql(`alter table "task" add column "as_of_on" date null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "task" drop column "as_of_on";`);
  }
}
