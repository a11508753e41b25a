import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125101339 } from './20261125101339-initial-schema.migration.ts';
import { Migration20261125102300 } from './20261125102300-program-structure.migration.ts';
import { Migration20261125103000 } from './20261125103000-identity-indexes.migration.ts';
import { Migration20261125104500 } from './20261125104500-outbox-retention.migration.ts';
import { Migration20261125110000 } from './20261125110000-work-indexes.migration.ts';
import { Migration20261206141028 } from './20261206141028-follow-up.migration.ts';
import { Migration20261206142000 } from './20261206142000-measure-library-search.migration.ts';
import { Migration20261206142500 } from './20261206142500-activity-audience.migration.ts';
import { Migration20261206142900 } from './20261206142900-program-year-targets.migration.ts';
import { Migration20261206143600 } from './20261206143600-mail-and-jobs.migration.ts';
import { Migration20261206151500 } from './20261206151500-search.migration.ts';
import { Migration20261206151900 } from './20261206151900-task-as-of.migration.ts';
import { Migration20261206164500 } from './20261206164500-attachment-drafts.migration.ts';
import { Migration20261206170000 } from './20261206170000-last-edited.migration.ts';
import { Migration20261206173500 } from './20261206173500-job-worker-owners.migration.ts';
import { Migration20261206191500 } from './20261206191500-outbox-company-seq.migration.ts';
import { Migration20261206192600 } from './20261206192600-task-page-indexes.migration.ts';
import { Migration20261206223000 } from './20261206223000-board-task-counts-index.migration.ts';

/** Migrations in the order they apply; `pnpm migration:create` writes a new file to add here. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125101339_initial_schema', class: Migration20261125101339 },
  { name: 'Migration20261125102300_program_structure', class: Migration20261125102300 },
  { name: 'Migration20261125103000_identity_indexes', class: Migration20261125103000 },
  { name: 'Migration20261125104500_outbox_retention', class: Migration20261125104500 },
  { name: 'Migration20261125110000_work_indexes', class: Migration20261125110000 },
  { name: 'Migration20261206141028_follow_up', class: Migration20261206141028 },
  { name: 'Migration20261206142000_measure_library_search', class: Migration20261206142000 },
  { name: 'Migration20261206142500_activity_audience', class: Migration20261206142500 },
  { name: 'Migration20261206142900_program_year_targets', class: Migration20261206142900 },
  { name: 'Migration20261206143600_mail_and_jobs', class: Migration20261206143600 },
  { name: 'Migration20261206151500_search', class: Migration20261206151500 },
  { name: 'Migration20261206151900_task_as_of', class: Migration20261206151900 },
  { name: 'Migration20261206164500_attachment_drafts', class: Migration20261206164500 },
  { name: 'Migration20261206170000_last_edited', class: Migration20261206170000 },
  { name: 'Migration20261206173500_job_worker_owners', class: Migration20261206173500 },
  { name: 'Migration20261206191500_outbox_company_seq', class: Migration20261206191500 },
  { name: 'Migration20261206192600_task_page_indexes', class: Migration20261206192600 },
  { name: 'Migration20261206223000_board_task_counts_index', class: Migration20261206223000 },
];
