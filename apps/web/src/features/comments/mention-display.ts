import { mentionToken, MENTION_PATTERN } from '@ecohub/domain';

/** A person mentioned in the text being written: shown as `@name`, stored as a token. */
export interface KnownMention {
  name: string;
  id: string;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A stored body as people read it while writing: `@[이수진](person:…)` becomes `@이수진`. */
export function toDisplay(body: string): { text: string; mentions: KnownMention[] } {
  const mentions: KnownMention[] = [];
  const text = body.replace(MENTION_PATTERN, (_token, name: string, id: string) => {
    if (!mentions.some((m) => m.id === id)) mentions.push({ name, id });
    return `@${name}`;
  });
  return { text, mentions };
}

/**
 * The body to store: each `@name` of a chosen person, standing alone, becomes that person's
 * token; longer names first, so `@이수진` is never taken for `@이수`.
 */
export function toBody(text: string, mentions: readonly KnownMention[]): string {
  let body = text;
  for (const mention of [...mentions].sort((a, b) => b.name.length - a.name.length)) {
    const pattern = new RegExp(`(^|\\s)@${escape(mention.name)}(?=$|[\\s.,!?;:)])`, 'gu');
    body = body.replace(pattern, (_match, before: string) => `${before}${mentionToken(mention.name, mention.id)}`);
  }
  return body;
}
