/**
 * Mentions in markdown comment bodies are written `@[Display Name](person:ID)`: readable as
 * plain text, unambiguous when two people share a name, and easy to render as a link.
 */
const MENTION = /@\[([^\]\n]{1,100})\]\(person:([0-9a-zA-Z-]{1,64})\)/g;

export function extractMentionIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => m[2] as string))];
}

export function mentionToken(name: string, personId: string): string {
  return `@[${name.replace(/[[\]\n]/g, '')}](person:${personId})`;
}

export const MENTION_PATTERN = MENTION;
