import { Migration } from '@mikro-orm/migrations';

/**
 * A company's latest event position, one index step per row: the board row's `version`
 * (modules/board), by which a client keeps the newer of a fetched row and a live one.
 */
export class Migration20261206191500 extends Migration {
  override name = 'Migration20261206191500_outbox_company_seq';

  override up(): void | Promise<void> {
    this.addSql(`create index "outbox_event_company_id_seq_index" on "outbox_event" ("company_id", "seq");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "outbox_event_company_id_seq_index";`);
  }
}
