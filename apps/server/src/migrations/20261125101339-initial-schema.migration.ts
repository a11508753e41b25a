import { Migration } from '@mikro-orm/migrations';

/** The whole domain model, as of the first release. */
export class Migration20261125101339 extends Migration {
  override name = 'Migration20261125101339_initial_schema';

  override up(): void | Promise<void> {
    this.addSql(`create table "company" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "name_ko" varchar(200) not null, "name_en" varchar(200) null, "business_number" varchar(12) not null, "industry_code" varchar(10) not null, "industry_label" varchar(200) not null, "industrial_complex" varchar(200) null, "address" varchar(300) null, "employees" int null, "ceo_name" varchar(100) null, "contact_name" varchar(100) null, "contact_email" varchar(254) null, "contact_phone" varchar(40) null, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "company" add constraint "company_business_number_unique" unique ("business_number");`);

    this.addSql(`create table "emission_factor" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" text not null, "valid_from_year" smallint not null, "valid_to_year" smallint not null, "value" double precision not null, "source" varchar(300) not null, "note" text null, primary key ("id"));`);
    this.addSql(`alter table "emission_factor" add constraint "emission_factor_kind_valid_from_year_unique" unique ("kind", "valid_from_year");`);
    this.addSql(`alter table "emission_factor" add constraint "emission_factor_kind_check" check ("kind" in ('ELECTRICITY', 'LNG', 'WATER'));`);

    this.addSql(`create table "idempotency_key" ("key" varchar(400) not null, "result" jsonb not null, "created_at" timestamptz not null default now(), primary key ("key"));`);

    this.addSql(`create table "login_attempt" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" varchar(300) not null, primary key ("id"));`);
    this.addSql(`create index "login_attempt_key_created_at_index" on "login_attempt" ("key", "created_at");`);

    this.addSql(`create table "organization" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name_ko" varchar(200) not null, "name_en" varchar(200) null, "kind" text not null, primary key ("id"));`);
    this.addSql(`alter table "organization" add constraint "organization_kind_check" check ("kind" in ('MINISTRY', 'AGENCY', 'LOCAL_GOVERNMENT', 'HOST_FIRM', 'ASSOCIATION'));`);

    this.addSql(`create table "outbox_event" ("seq" bigint not null, "type" varchar(60) not null, "company_id" uuid null, "program_year_id" uuid null, "task_id" uuid null, "recipient_id" uuid null, "entity_id" uuid not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), primary key ("seq"));`);
    this.addSql(`create index "outbox_event_created_at_index" on "outbox_event" ("created_at");`);

    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" varchar(254) not null, "name" varchar(100) not null, "name_en" varchar(100) null, "role" text not null, "company_id" uuid null, "organization_id" uuid null, "job_title" varchar(100) null, "phone" varchar(40) null, "specialties" text[] not null default '{}', "locale" varchar(5) not null default 'ko', "password_hash" varchar(200) null, "disabled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_email_unique" unique ("email");`);
    this.addSql(`alter table "person" add constraint "person_role_check" check ("role" in ('ADMIN', 'PROGRAM_MANAGER', 'EXPERT', 'COMPANY_STAFF', 'OBSERVER'));`);
    this.addSql(`alter table "person" add constraint "person_specialties_check" check ("specialties" <@ array['WASTEWATER'::text, 'ENERGY'::text, 'CHEMICALS'::text, 'AIR'::text, 'PROCESS'::text, 'MANAGEMENT'::text]);`);

    this.addSql(`create table "invitation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "token_hash" varchar(64) not null, "person_id" uuid not null, "invited_by_id" uuid not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "program" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name_ko" varchar(200) not null, "name_en" varchar(200) not null, "region" varchar(100) not null, "host_organization_id" uuid not null, "duration_years" smallint not null, "description" text null, primary key ("id"));`);

    this.addSql(`create table "program_year" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "program_id" uuid not null, "number" smallint not null, "starts_on" date not null, "ends_on" date not null, primary key ("id"));`);
    this.addSql(`alter table "program_year" add constraint "program_year_program_id_number_unique" unique ("program_id", "number");`);

    this.addSql(`create table "program_event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "program_year_id" uuid not null, "kind" text not null, "title" varchar(200) not null, "description" text null, "venue" varchar(200) not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "program_event" add constraint "program_event_kind_check" check ("kind" in ('KICKOFF', 'WORKSHOP', 'ECO_CLUB', 'TRAINING', 'SITE_VISIT'));`);

    this.addSql(`create table "program_event_invitee" ("program_event_id" uuid not null, "company_id" uuid not null, primary key ("program_event_id", "company_id"));`);

    this.addSql(`create table "attendance" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "person_id" uuid null, "guest_name" varchar(100) null, "guest_affiliation" varchar(200) null, "company_id" uuid null, "attended" boolean not null default true, primary key ("id"));`);
    this.addSql(`alter table "attendance" add constraint "attendance_event_id_person_id_unique" unique ("event_id", "person_id");`);

    this.addSql(`create table "expert_team" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "program_year_id" uuid not null, "name" varchar(100) not null, "lead_id" uuid null, "focus" text null, primary key ("id"));`);

    this.addSql(`create table "participation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "program_year_id" uuid not null, "company_id" uuid not null, "status" text not null default 'APPLIED', "team_id" uuid null, "contribution_krw" bigint not null default '0', "applied_on" date not null, "initially_diagnosed_on" date null, "selected_on" date null, "not_selected_on" date null, "agreement_signed_on" date null, "active_on" date null, "completed_on" date null, "withdrawn_on" date null, "note" text null, primary key ("id"));`);
    this.addSql(`alter table "participation" add constraint "participation_program_year_id_company_id_unique" unique ("program_year_id", "company_id");`);
    this.addSql(`alter table "participation" add constraint "participation_status_check" check ("status" in ('APPLIED', 'INITIALLY_DIAGNOSED', 'SELECTED', 'NOT_SELECTED', 'AGREEMENT_SIGNED', 'ACTIVE', 'COMPLETED', 'WITHDRAWN'));`);

    this.addSql(`create table "measure" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "participation_id" uuid not null, "company_id" uuid not null, "category" text not null, "title" varchar(200) not null, "description" text null, "status" text not null default 'PROPOSED', "owner_id" uuid null, "investment_krw" bigint not null default '0', "expected_annual_savings_krw" bigint not null default '0', "verified_annual_savings_krw" bigint null, "electricity_kwh_per_year" double precision not null default 0, "lng_nm3per_year" double precision not null default 0, "water_m3per_year" double precision not null default 0, "waste_tper_year" double precision not null default 0, "raw_materials_tper_year" double precision not null default 0, "productivity_gain_pct" double precision null, "technical_feasibility" smallint null, "economic_feasibility" smallint null, "environmental_feasibility" smallint null, "screening_class" text null, "electricity_factor_id" uuid null, "lng_factor_id" uuid null, "water_factor_id" uuid null, "implemented_on" date null, "follow_up_due_on" date null, "follow_up_checked_on" date null, "follow_up_note" text null, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "measure_company_id_status_index" on "measure" ("company_id", "status");`);
    this.addSql(`alter table "measure" add constraint "measure_category_check" check ("category" in ('RAW_MATERIAL_SUBSTITUTION', 'OPERATING_CONDITIONS', 'PROCESS_CHANGE', 'ECO_FRIENDLY_PRODUCT', 'ON_SITE_REUSE', 'GREEN_MANAGEMENT'));`);
    this.addSql(`alter table "measure" add constraint "measure_status_check" check ("status" in ('PROPOSED', 'APPROVED', 'IN_PROGRESS', 'IMPLEMENTED', 'VERIFIED', 'DROPPED'));`);
    this.addSql(`alter table "measure" add constraint "measure_screening_class_check" check ("screening_class" in ('DIRECTLY_IMPLEMENTABLE', 'NEEDS_FURTHER_STUDY', 'REJECTED'));`);

    this.addSql(`create table "diagnosis" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "participation_id" uuid not null, "company_id" uuid not null, "kind" text not null, "conducted_on" date not null, "lead_expert_id" uuid null, "processes_examined" text not null, "electricity_kwh_per_year" double precision null, "lng_nm3per_year" double precision null, "water_m3per_year" double precision null, "raw_materials_tper_year" double precision null, "waste_tper_year" double precision null, "wastewater_m3per_year" double precision null, "findings" text not null, primary key ("id"));`);
    this.addSql(`alter table "diagnosis" add constraint "diagnosis_kind_check" check ("kind" in ('INITIAL', 'DETAILED'));`);

    this.addSql(`create table "budget_line" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "program_year_id" uuid not null, "source" text not null, "organization_id" uuid null, "label" varchar(200) null, "planned_krw" bigint not null, "spent_krw" bigint not null default '0', primary key ("id"));`);
    this.addSql(`alter table "budget_line" add constraint "budget_line_source_check" check ("source" in ('GOVERNMENT', 'CITY', 'COMPANY', 'HOST', 'OTHER'));`);

    this.addSql(`create table "activity_entry" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "actor_id" uuid null, "action" varchar(60) not null, "entity_type" varchar(40) not null, "entity_id" uuid not null, "summary" varchar(300) null, "company_id" uuid null, "program_year_id" uuid null, "diff" jsonb not null, primary key ("id"));`);
    this.addSql(`create index "activity_entry_company_id_created_at_index" on "activity_entry" ("company_id", "created_at");`);
    this.addSql(`create index "activity_entry_entity_type_entity_id_created_at_index" on "activity_entry" ("entity_type", "entity_id", "created_at");`);

    this.addSql(`create table "session" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "token_hash" varchar(64) not null, "person_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "last_seen_at" timestamptz not null default now(), "ip_address" varchar(64) null, "user_agent" varchar(300) null, primary key ("id"));`);
    this.addSql(`alter table "session" add constraint "session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "task" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "company_id" uuid not null, "measure_id" uuid null, "title" varchar(200) not null, "description" text null, "status" text not null default 'TODO', "priority" text not null default 'MEDIUM', "due_on" date null, "rank" varchar(255) collate "C" not null, "created_by_id" uuid null, "completed_at" timestamptz null, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "task_company_id_status_rank_index" on "task" ("company_id", "status", "rank");`);
    this.addSql(`alter table "task" add constraint "task_status_check" check ("status" in ('TODO', 'IN_PROGRESS', 'IN_REVIEW', 'DONE', 'BLOCKED'));`);
    this.addSql(`alter table "task" add constraint "task_priority_check" check ("priority" in ('LOW', 'MEDIUM', 'HIGH', 'URGENT'));`);

    this.addSql(`create table "comment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "version" int not null default 1, "task_id" uuid not null, "company_id" uuid not null, "author_id" uuid not null, "body" text not null, "visibility" text not null default 'SHARED', "edited_at" timestamptz null, "deleted_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "comment_task_id_created_at_index" on "comment" ("task_id", "created_at");`);
    this.addSql(`alter table "comment" add constraint "comment_visibility_check" check ("visibility" in ('SHARED', 'INTERNAL'));`);

    this.addSql(`create table "notification" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "recipient_id" uuid not null, "kind" text not null, "company_id" uuid null, "task_id" uuid null, "comment_id" uuid null, "actor_id" uuid null, "read_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "notification_recipient_id_created_at_index" on "notification" ("recipient_id", "created_at");`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in ('MENTION', 'ASSIGNMENT', 'DUE_SOON'));`);

    this.addSql(`create table "comment_mention" ("comment_id" uuid not null, "person_id" uuid not null, primary key ("comment_id", "person_id"));`);

    this.addSql(`create table "attachment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "company_id" uuid not null, "diagnosis_id" uuid null, "measure_id" uuid null, "task_id" uuid null, "comment_id" uuid null, "file_name" varchar(255) not null, "content_type" varchar(100) not null, "size_bytes" int not null, "sha256" varchar(64) not null, "uploaded_by_id" uuid not null, primary key ("id"));`);

    this.addSql(`create table "task_assignee" ("task_id" uuid not null, "person_id" uuid not null, primary key ("task_id", "person_id"));`);

    this.addSql(`create table "team_membership" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "team_id" uuid not null, "person_id" uuid not null, "specialty" text null, primary key ("id"));`);
    this.addSql(`alter table "team_membership" add constraint "team_membership_team_id_person_id_unique" unique ("team_id", "person_id");`);
    this.addSql(`alter table "team_membership" add constraint "team_membership_specialty_check" check ("specialty" in ('WASTEWATER', 'ENERGY', 'CHEMICALS', 'AIR', 'PROCESS', 'MANAGEMENT'));`);

    this.addSql(`alter table "person" add constraint "person_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete set null;`);
    this.addSql(`alter table "person" add constraint "person_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete set null;`);

    this.addSql(`alter table "invitation" add constraint "invitation_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "invitation" add constraint "invitation_invited_by_id_foreign" foreign key ("invited_by_id") references "person" ("id");`);

    this.addSql(`alter table "program" add constraint "program_host_organization_id_foreign" foreign key ("host_organization_id") references "organization" ("id");`);

    this.addSql(`alter table "program_year" add constraint "program_year_program_id_foreign" foreign key ("program_id") references "program" ("id");`);

    this.addSql(`alter table "program_event" add constraint "program_event_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id");`);

    this.addSql(`alter table "program_event_invitee" add constraint "program_event_invitee_program_event_id_foreign" foreign key ("program_event_id") references "program_event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "program_event_invitee" add constraint "program_event_invitee_company_id_foreign" foreign key ("company_id") references "company" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "attendance" add constraint "attendance_event_id_foreign" foreign key ("event_id") references "program_event" ("id") on delete cascade;`);
    this.addSql(`alter table "attendance" add constraint "attendance_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "attendance" add constraint "attendance_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete set null;`);

    this.addSql(`alter table "expert_team" add constraint "expert_team_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id");`);
    this.addSql(`alter table "expert_team" add constraint "expert_team_lead_id_foreign" foreign key ("lead_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "participation" add constraint "participation_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id");`);
    this.addSql(`alter table "participation" add constraint "participation_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "participation" add constraint "participation_team_id_foreign" foreign key ("team_id") references "expert_team" ("id") on delete set null;`);

    this.addSql(`alter table "measure" add constraint "measure_participation_id_foreign" foreign key ("participation_id") references "participation" ("id");`);
    this.addSql(`alter table "measure" add constraint "measure_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "measure" add constraint "measure_owner_id_foreign" foreign key ("owner_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "measure" add constraint "measure_electricity_factor_id_foreign" foreign key ("electricity_factor_id") references "emission_factor" ("id") on delete set null;`);
    this.addSql(`alter table "measure" add constraint "measure_lng_factor_id_foreign" foreign key ("lng_factor_id") references "emission_factor" ("id") on delete set null;`);
    this.addSql(`alter table "measure" add constraint "measure_water_factor_id_foreign" foreign key ("water_factor_id") references "emission_factor" ("id") on delete set null;`);

    this.addSql(`alter table "diagnosis" add constraint "diagnosis_participation_id_foreign" foreign key ("participation_id") references "participation" ("id");`);
    this.addSql(`alter table "diagnosis" add constraint "diagnosis_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "diagnosis" add constraint "diagnosis_lead_expert_id_foreign" foreign key ("lead_expert_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "budget_line" add constraint "budget_line_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id");`);
    this.addSql(`alter table "budget_line" add constraint "budget_line_organization_id_foreign" foreign key ("organization_id") references "organization" ("id") on delete set null;`);

    this.addSql(`alter table "activity_entry" add constraint "activity_entry_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "activity_entry" add constraint "activity_entry_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete set null;`);
    this.addSql(`alter table "activity_entry" add constraint "activity_entry_program_year_id_foreign" foreign key ("program_year_id") references "program_year" ("id") on delete set null;`);

    this.addSql(`alter table "session" add constraint "session_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "task" add constraint "task_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "task" add constraint "task_measure_id_foreign" foreign key ("measure_id") references "measure" ("id") on delete set null;`);
    this.addSql(`alter table "task" add constraint "task_created_by_id_foreign" foreign key ("created_by_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "comment" add constraint "comment_task_id_foreign" foreign key ("task_id") references "task" ("id");`);
    this.addSql(`alter table "comment" add constraint "comment_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "comment" add constraint "comment_author_id_foreign" foreign key ("author_id") references "person" ("id");`);

    this.addSql(`alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "person" ("id");`);
    this.addSql(`alter table "notification" add constraint "notification_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_task_id_foreign" foreign key ("task_id") references "task" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_comment_id_foreign" foreign key ("comment_id") references "comment" ("id") on delete set null;`);
    this.addSql(`alter table "notification" add constraint "notification_actor_id_foreign" foreign key ("actor_id") references "person" ("id") on delete set null;`);

    this.addSql(`alter table "comment_mention" add constraint "comment_mention_comment_id_foreign" foreign key ("comment_id") references "comment" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "comment_mention" add constraint "comment_mention_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "attachment" add constraint "attachment_company_id_foreign" foreign key ("company_id") references "company" ("id");`);
    this.addSql(`alter table "attachment" add constraint "attachment_diagnosis_id_foreign" foreign key ("diagnosis_id") references "diagnosis" ("id") on delete set null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_measure_id_foreign" foreign key ("measure_id") references "measure" ("id") on delete set null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_task_id_foreign" foreign key ("task_id") references "task" ("id") on delete set null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_comment_id_foreign" foreign key ("comment_id") references "comment" ("id") on delete set null;`);
    this.addSql(`alter table "attachment" add constraint "attachment_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "person" ("id");`);

    this.addSql(`alter table "task_assignee" add constraint "task_assignee_task_id_foreign" foreign key ("task_id") references "task" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "task_assignee" add constraint "task_assignee_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "team_membership" add constraint "team_membership_team_id_foreign" foreign key ("team_id") references "expert_team" ("id") on delete cascade;`);
    this.addSql(`alter table "team_membership" add constraint "team_membership_person_id_foreign" foreign key ("person_id") references "person" ("id");`);

    // Outbox positions: taken under an advisory lock at commit time, see core/realtime/outbox.ts.
    this.addSql(`create sequence "outbox_event_seq" as bigint;`);
  }

}
