import type { NavItem } from '@/features/shell/nav-items';

/** `g` then a letter opens a page, as in Linear and GitHub; only pages the viewer's menu has. */
export const GO_KEYS: Record<string, string> = {
  b: 'board',
  c: 'company',
  t: 'my-tasks',
  m: 'measures',
  l: 'library',
  e: 'events',
  a: 'activity',
};

export type ShortcutAction = { kind: 'go'; to: string } | { kind: 'search' } | { kind: 'help' } | { kind: 'pending' } | null;

/** True when a key press belongs to what the person is typing, not to the page. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * What a key means after the keys before it: `previous` is 'g' while a go-to waits for its
 * letter. Unknown keys mean nothing (the browser keeps them).
 */
export function shortcutFor(key: string, previous: string | null, items: readonly NavItem[]): ShortcutAction {
  if (previous === 'g') {
    const item = items.find((candidate) => candidate.key === GO_KEYS[key.toLowerCase()]);
    return item ? { kind: 'go', to: item.to } : null;
  }
  if (key === 'g') return { kind: 'pending' };
  if (key === '/') return { kind: 'search' };
  if (key === '?') return { kind: 'help' };
  return null;
}
