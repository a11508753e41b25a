import { Migration } from '@mikro-orm/migrations';

/**
 * Who wrote the current version of a task, measure, diagnosis or company, and when: an edit
 * form that meets a newer version names the person. Null for records not changed since.
 */
const TABLES = ['task', 'measure', 'diagnosis', 'company'] as const;

export class Migration20261206170000 extends Migration {
  override name = 'Migration20261206170000_last_edited';

  override up(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" add column "last_edited_by_id" uuid null, add column "last_edited_at" timestamptz null;`);
      this.addSql(`alter table "${table}" add constraint "${table}_last_edited_by_id_foreign" foreign key ("last_edited_by_id") references "person" ("id") on delete set null;`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" drop constraint "${table}_last_edited_by_id_foreign";`);
      this.addSql(`alter table "${table}" drop column "last_edited_by_id", drop column "last_edited_at";`);
    }
  }
}
