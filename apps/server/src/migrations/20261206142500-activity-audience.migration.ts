import { Migration } from '@mikro-orm/migrations';

/**
 * History entries carry their audience (core/auth/visibility.ts): the activity feed filters on it
 * in SQL and the live stream checks the same audience carried by the event. Existing entries get
 * the audience the rules give them: a company's entries that company's, files and notes on
 * internal comments internal, events program-wide or their invited companies', the rest managers'.
 */
export class Migration20261206142500 extends Migration {
  override name = 'Migration20261206142500_activity_audience';

  override up(): void | Promise<void> {
    this.addSql(`alter table "activity_entry"
      add column "audience" varchar(12) not null default 'MANAGERS',
      add column "audience_company_ids" uuid[] not null default '{}',
      add column "audience_internal" boolean not null default false;`);
    this.addSql(`alter table "activity_entry" add constraint "activity_entry_audience_check" check ("audience" in ('PROGRAM', 'COMPANIES', 'MANAGERS'));`);
    this.addSql(`update "activity_entry" set "audience" = 'COMPANIES', "audience_company_ids" = array["company_id"] where "company_id" is not null;`);
    this.addSql(`update "activity_entry" a set "audience_internal" = true
      where (a."entity_type" = 'Comment' and exists (select 1 from "comment" c where c."id" = a."entity_id" and c."visibility" = 'INTERNAL'))
         or (a."entity_type" = 'Attachment' and exists (select 1 from "attachment" f join "comment" c on c."id" = f."comment_id" where f."id" = a."entity_id" and c."visibility" = 'INTERNAL'));`);
    this.addSql(`update "activity_entry" a set "audience" = case when e."kind" = 'SITE_VISIT' then 'COMPANIES' else 'PROGRAM' end,
        "audience_company_ids" = case when e."kind" = 'SITE_VISIT'
          then coalesce((select array_agg(i."company_id") from "program_event_invitee" i where i."program_event_id" = e."id"), '{}') else '{}' end
      from "program_event" e
      where a."entity_type" = 'ProgramEvent' and e."id" = a."entity_id" and a."company_id" is null;`);
    this.addSql(`create index "activity_entry_audience_company_ids_index" on "activity_entry" using gin ("audience_company_ids");`);
  }
}
