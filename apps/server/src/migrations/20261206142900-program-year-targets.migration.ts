import { Migration } from '@mikro-orm/migrations';

/**
 * Targets of a program year, set by managers and shown on the board against the actuals: annual
 * savings, greenhouse-gas reduction and the share of measures implemented. Empty until set.
 */
export class Migration20261206142900 extends Migration {
  override name = 'Migration20261206142900_program_year_targets';

  override up(): void | Promise<void> {
    this.addSql(`alter table "program_year"
      add column "target_savings_krw" bigint null check ("target_savings_krw" >= 0),
      add column "target_ghg_tco2e" double precision null check ("target_ghg_tco2e" >= 0),
      add column "target_implementation_rate" double precision null check ("target_implementation_rate" between 0 and 1);`);
  }
}
