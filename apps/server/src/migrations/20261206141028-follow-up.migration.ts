import { Migration } from '@mikro-orm/migrations';

/**
 * Follow-up of implementation: per-year schedules, requests to companies, their answers per
 * measure; the measure's reported figures (kept apart from proposed and verified); notification
 * kinds for follow-up requests and reminders.
 */
export class Migration20261206141028 extends Migration {
  override name = 'Migration20261206141028_follow_up';

  override up(): void | Promise<void> {
    this.addSql(`create table "follow_up_plan" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "program_year_id" uuid not null, "months_after" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "follow_up_plan" add constraint "follow_up_plan_program_year_id_unique" unique ("program_year_id");`);

    this.addSql(`create table "follow_up_request" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "program_year_id" uuid not null, "participation_id" uuid not null, "company_id" uuid not null, "months_after" int not null, "due_on" date not null, "submitted_at" timestamptz null, "submitted_by_id" uuid null, "reminded_at" timestamptz null, "reminders" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "follow_up_request_company_id_index" on "follow_up_request" ("company_id");`);
    this.addSql(`alter table "follow_up_request" add constraint "follow_up_request_participation_id_months_after_unique" unique ("participation_id", "months_after");`);

    this.addSql(`create table "follow_up_answer" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "request_id" uuid not null, "measure_id" uuid not null, "company_id" uuid not null, "outcome" text not null, "reason" text null, "actual_investment_krw" bigint null, "actual_annual_savings_krw" bigint null, "implemented_on" date null, "answered_by_id" uuid not null, "verified_at" timestamptz null, "verified_by_id" uuid null, "verified_investment_krw" bigint null, "verified_annual_savings_krw" bigint null, "verification_note" text null, primary key ("id"));`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_request_id_measure_id_unique" unique ("request_id", "measure_id");`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_outcome_check" check ("outcome" in ('IMPLEMENTED', 'IN_PROGRESS', 'NOT_IMPLEMENTED', 'UNKNOWN'));`);

    this.addSql(`alter table "measure" add "reported_outcome" text null, add "reported_investment_krw" bigint null, add "reported_annual_savings_krw" bigint null, add "reported_on" date null, add "verified_investment_krw" bigint null;`);
    this.addSql(`alter table "measure" add constraint "measure_reported_outcome_check" check ("reported_outcome" in ('IMPLEMENTED', 'IN_PROGRESS', 'NOT_IMPLEMENTED', 'UNKNOWN'));`);

    this.addSql(`alter table "notification" drop constraint "notification_kind_check";`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in ('MENTION', 'ASSIGNMENT', 'DUE_SOON', 'FOLLOW_UP_DUE', 'FOLLOW_UP_REMINDER'));`);

    this.addSql(`alter table "follow_up_plan" add constraint "follow_up_plan_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id");`);
    this.addSql(`alter table "follow_up_request" add constraint "follow_up_request_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id");`);
    this.addSql(`alter table "follow_up_request" add constraint "follow_up_request_participation_id_foreign" foreign key ("participation_id") references "participation" ("id");`);
    this.addSql(`alter table "follow_up_request" add constraint "follow_up_request_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "follow_up_request" add constraint "follow_up_request_submitted_by_id_foreign" foreign key ("submitted_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_request_id_foreign" foreign key ("request_id") references "follow_up_request" ("id") on delete cascade;`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_measure_id_foreign" foreign key ("measure_id") references "measure" ("id");`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_answered_by_id_foreign" foreign key ("answered_by_id") references "person" ("id");`);
    this.addSql(`alter table "follow_up_answer" add constraint "follow_up_answer_verified_by_id_foreign" foreign key ("verified_by_id") references "person" ("id") on delete set null;`);
    this.addSql(`create index "follow_up_answer_measure_id_index" on "follow_up_answer" ("measure_id");`);
  }
}
