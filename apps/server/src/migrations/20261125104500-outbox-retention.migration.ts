import { Migration } from '@mikro-orm/migrations';

/**
 * How far the outbox has been pruned. A subscriber resuming after a position below this mark
 * may have missed deleted events and must refetch; at or above it, the outbox still holds every
 * later event. One row, updated by the retention job (core/realtime/outbox-store.ts).
 */
export class Migration20261125104500 extends Migration {
  override name = 'Migration20261125104500_outbox_retention';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "outbox_retention" ("id" smallint not null default 1, "pruned_through" bigint not null default 0, primary key ("id"), constraint "outbox_retention_single_row" check ("id" = 1));`,
    );
    this.addSql(`insert into "outbox_retention" ("id", "pruned_through") values (1, 0);`);
  }
}
