import { Migration } from '@mikro-orm/migrations';

/**
 * Measure library search. Korean words are often two syllables (도금, 폐수, 크롬), and pg_trgm
 * cannot use its index for them (a 2-character pattern has no trigram: the index returned all
 * 50,000 rows of a test table); pg_bigm is not shipped with the embedded PostgreSQL. So the
 * hub indexes each word's 2-character pieces itself: `ecohub_bigrams(text)` (lower-cased,
 * split on spaces and punctuation) in a GIN expression index; a search asks for rows whose
 * bigrams contain the query's, then checks the phrase itself with ILIKE. No extension needed.
 */
export class Migration20261206142000 extends Migration {
  override name = 'Migration20261206142000_measure_library_search';

  override up(): void | Promise<void> {
    this.addSql(`create or replace function ecohub_bigrams(input text) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(distinct substr(w, i, 2)), '{}')
        from regexp_split_to_table(lower(coalesce(input, '')), '[[:space:][:punct:]]+') as w,
             generate_series(1, char_length(w) - 1) as i
    $$;`);
    this.addSql(`create index "measure_library_bigrams_index" on "measure" using gin (ecohub_bigrams(title || ' ' || coalesce(description, '')));`);
    this.addSql(`create index "company_industry_code_index" on "company" ("industry_code" text_pattern_ops);`);
  }
}
