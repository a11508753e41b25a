import { Migration } from '@mikro-orm/migrations';

/**
 * Reaching people who are not looking: mail kept in the database (the outbox admins read, and
 * what the send job delivers), notification preferences per person and kind, reminders sent
 * once per record and condition, sign-in links, bounced addresses, and which notifications
 * were already mailed. The job queue's own tables are graphile-worker's (its own migrations).
 */
export class Migration20261206143600 extends Migration {
  override name = 'Migration20261206143600_mail_and_jobs';

  override up(): void | Promise<void> {
    this.addSql(`create table "mail_message" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "recipient_id" uuid null, "to_address" varchar(254) not null, "locale" varchar(5) not null default 'ko', "kind" text not null, "company_id" uuid null, "subject" varchar(300) not null, "html" text not null, "text" text not null, "unsubscribe_token_hash" varchar(64) null, "list_unsubscribe" varchar(1000) null, "unsubscribe_topics" text[] not null default '{}', "status" text not null default 'QUEUED', "attempts" int not null default 0, "last_error" text null, "sent_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "mail_message_created_at_index" on "mail_message" ("created_at");`);
    this.addSql(`create index "mail_message_recipient_id_index" on "mail_message" ("recipient_id");`);
    this.addSql(`create unique index "mail_message_unsubscribe_token_hash_unique" on "mail_message" ("unsubscribe_token_hash");`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_recipient_id_foreign" foreign key ("recipient_id") references "person" ("id") on delete set null;`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_company_id_foreign" foreign key ("company_id") references "company" ("id") on delete set null;`);
    this.addSql(`alter table "mail_message" add constraint "mail_message_status_check" check ("status" in ('QUEUED', 'RETRYING', 'SENT', 'KEPT', 'FAILED', 'SKIPPED', 'BOUNCED'));`);

    this.addSql(`create table "notification_preference" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "person_id" uuid not null, "kind" text not null, "mode" text not null, primary key ("id"));`);
    this.addSql(`create unique index "notification_preference_person_id_kind_unique" on "notification_preference" ("person_id", "kind");`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);
    this.addSql(`alter table "notification_preference" add constraint "notification_preference_mode_check" check ("mode" in ('IMMEDIATE', 'DAILY_DIGEST', 'OFF'));`);

    this.addSql(`create table "reminder_sent" ("subject_id" uuid not null, "condition" text not null, "created_at" timestamptz not null default now(), primary key ("subject_id", "condition"));`);

    this.addSql(`create table "sign_in_link" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "token_hash" varchar(64) not null, "person_id" uuid not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create unique index "sign_in_link_token_hash_unique" on "sign_in_link" ("token_hash");`);
    this.addSql(`alter table "sign_in_link" add constraint "sign_in_link_person_id_foreign" foreign key ("person_id") references "person" ("id") on delete cascade;`);

    this.addSql(`alter table "person" add column "mail_bounced_at" timestamptz null;`);

    this.addSql(`alter table "notification" add column "measure_id" uuid null, add column "mailed_at" timestamptz null;`);
    this.addSql(`alter table "notification" add constraint "notification_measure_id_foreign" foreign key ("measure_id") references "measure" ("id") on delete set null;`);
    this.addSql(`alter table "notification" drop constraint "notification_kind_check";`);
    this.addSql(`alter table "notification" add constraint "notification_kind_check" check ("kind" in ('MENTION', 'ASSIGNMENT', 'DUE_SOON', 'OVERDUE', 'FOLLOW_UP_DUE', 'FOLLOW_UP_REMINDER'));`);
    this.addSql(`create index "notification_unmailed_index" on "notification" ("recipient_id") where "mailed_at" is null;`);
  }
}
