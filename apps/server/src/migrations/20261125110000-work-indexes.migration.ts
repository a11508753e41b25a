import { Migration } from '@mikro-orm/migrations';

/**
 * Consulting work: the board and KPI aggregates find measures by participation and tasks by
 * measure; "my tasks" and the assignee filter look tasks up by person; attachments are listed
 * per record and counted per content hash on delete; the unread badge counts a person's unread
 * notifications.
 */
export class Migration20261125110000 extends Migration {
  override name = 'Migration20261125110000_work_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "measure_participation_id_index" on "measure" ("participation_id");`);
    this.addSql(`create index "task_measure_id_index" on "task" ("measure_id");`);
    this.addSql(`create index "task_assignee_person_id_index" on "task_assignee" ("person_id");`);
    this.addSql(`create index "attachment_task_id_index" on "attachment" ("task_id");`);
    this.addSql(`create index "attachment_measure_id_index" on "attachment" ("measure_id");`);
    this.addSql(`create index "attachment_comment_id_index" on "attachment" ("comment_id");`);
    this.addSql(`create index "attachment_diagnosis_id_index" on "attachment" ("diagnosis_id");`);
    this.addSql(`create index "attachment_sha256_index" on "attachment" ("sha256");`);
    this.addSql(`create index "notification_unread_index" on "notification" ("recipient_id") where "read_at" is null;`);
  }
}
