import { Migration } from '@mikro-orm/migrations';

/**
 * Files uploaded from a task's comment composer before the comment exists: a draft belongs to
 * its uploader and the task, is seen by nobody else, and becomes the comment's file when the
 * comment is posted (or is removed by the drafts job when it never is).
 */
export class Migration20261206164500 extends Migration {
  override name = 'Migration20261206164500_attachment_drafts';

  override up(): void | Promise<void> {
    this.addSql(`alter table "attachment" add column "draft_task_id" uuid null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_draft_task_id_foreign" foreign key ("draft_task_id") references "task" ("id") on delete set null;`);
    this.addSql(`create index "attachment_draft_task_id_index" on "attachment" ("draft_task_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "attachment_draft_task_id_index";`);
    this.addSql(`alter table "attachment" drop constraint "attachment_draft_task_id_foreign";`);
    this.addSql(`alter table "attachment" drop column "draft_task_id";`);
  }
}
