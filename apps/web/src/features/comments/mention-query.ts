/**
 * The `@word` being typed just before the caret, if any: what the autocomplete filters by.
 * An `@` starts a mention at the beginning or after whitespace; the query may hold Hangul,
 * letters, digits, dots and hyphens, and ends at whitespace.
 */
export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  text: string;
}

export function mentionQueryAt(value: string, caret: number): MentionQuery | null {
  const before = value.slice(0, caret);
  const match = /(^|\s)@([\p{L}\p{N}._-]{0,30})$/u.exec(before);
  if (!match) return null;
  const text = match[2] ?? '';
  return { start: caret - text.length - 1, text };
}

export interface Mentionable {
  id: string;
  name: string;
  nameEn?: string | null;
}

export function matchPeople<T extends Mentionable>(people: readonly T[], query: string, limit = 6): T[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return people.slice(0, limit);
  const scored = people
    .map((person) => {
      const names = [person.name, person.nameEn ?? ''].map((name) => name.toLowerCase());
      const prefix = names.some((name) => name.startsWith(needle) || name.split(/\s+/).some((part) => part.startsWith(needle)));
      const contains = names.some((name) => name.includes(needle));
      return { person, score: prefix ? 2 : contains ? 1 : 0 };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map((entry) => entry.person);
}
