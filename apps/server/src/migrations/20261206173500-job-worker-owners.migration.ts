import { Migration } from '@mikro-orm/migrations';

/**
 * Which database session each graphile-worker lock id (a worker's or a worker pool's id) belongs
 * to. A process killed mid-job leaves its jobs locked for graphile-worker's 4-hour timeout; once
 * the session recorded here is gone, any instance may release them at once (core/jobs/job-runner.ts).
 */
export class Migration20261206173500 extends Migration {
  override name = 'Migration20261206173500_job_worker_owners';

  override up(): void | Promise<void> {
    this.addSql(`create table "job_worker_owner" (
      "lock_id" text primary key,
      "backend_pid" int not null,
      "backend_start" timestamptz not null,
      "registered_at" timestamptz not null default now()
    );`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table "job_worker_owner";`);
  }
}
