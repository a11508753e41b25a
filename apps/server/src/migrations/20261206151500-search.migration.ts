import { Migration } from '@mikro-orm/migrations';

/**
 * Search (modules/search): the 2-character pieces of every searched text in a GIN index, as the
 * measure library does (`ecohub_bigrams`), so two-syllable Korean words find their rows by index.
 */
export class Migration20261206151500 extends Migration {
  override name = 'Migration20261206151500_search';

  override up(): void | Promise<void> {
    this.addSql(`create index "company_search_bigrams_index" on "company" using gin (ecohub_bigrams(name_ko || coalesce(' · ' || name_en, '')));`);
    this.addSql(`create index "task_search_bigrams_index" on "task" using gin (ecohub_bigrams(title));`);
    this.addSql(`create index "measure_search_bigrams_index" on "measure" using gin (ecohub_bigrams(title));`);
    this.addSql(`create index "diagnosis_search_bigrams_index" on "diagnosis" using gin (ecohub_bigrams(processes_examined));`);
    this.addSql(`create index "comment_search_bigrams_index" on "comment" using gin (ecohub_bigrams(body));`);
    this.addSql(`create index "person_search_bigrams_index" on "person" using gin (ecohub_bigrams(name || coalesce(' · ' || name_en, '')));`);
    this.addSql(`create index "program_event_search_bigrams_index" on "program_event" using gin (ecohub_bigrams(title));`);
  }
}
