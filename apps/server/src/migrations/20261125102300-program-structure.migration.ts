import { Migration } from '@mikro-orm/migrations';

/**
 * Program structure API: programs and years are edited with optimistic versions, events are
 * cancelled rather than deleted, a year has one budget line per funding source, and the lists
 * the API filters by year, company, team or person have indexes.
 */
export class Migration20261125102300 extends Migration {
  override name = 'Migration20261125102300_program_structure';

  override up(): void | Promise<void> {
    this.addSql(`alter table "program" add column "version" int not null default 1;`);
    this.addSql(`alter table "program_year" add column "version" int not null default 1;`);
    this.addSql(`alter table "program_event" add column "cancelled_at" timestamptz null;`);
    this.addSql(`alter table "budget_line" add constraint "budget_line_program_year_id_source_unique" unique ("program_year_id", "source");`);
    this.addSql(`create index "person_company_id_index" on "person" ("company_id");`);
    this.addSql(`create index "participation_company_id_index" on "participation" ("company_id");`);
    this.addSql(`create index "participation_team_id_index" on "participation" ("team_id");`);
    this.addSql(`create index "expert_team_program_year_id_index" on "expert_team" ("program_year_id");`);
    this.addSql(`create index "team_membership_person_id_index" on "team_membership" ("person_id");`);
    this.addSql(`create index "diagnosis_company_id_conducted_on_index" on "diagnosis" ("company_id", "conducted_on");`);
    this.addSql(`create index "diagnosis_participation_id_index" on "diagnosis" ("participation_id");`);
    this.addSql(`create index "program_event_program_year_id_starts_at_index" on "program_event" ("program_year_id", "starts_at");`);
    this.addSql(`create index "program_event_invitee_company_id_index" on "program_event_invitee" ("company_id");`);
    this.addSql(`create index "activity_entry_actor_id_created_at_index" on "activity_entry" ("actor_id", "created_at");`);
  }
}
