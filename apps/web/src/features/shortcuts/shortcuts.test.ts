import { describe, expect, it } from 'vitest';
import type { NavItem } from '@/features/shell/nav-items';
import { shortcutFor } from './shortcuts';

const items: NavItem[] = [
  { key: 'board', to: '/board', label: 'nav.board', icon: '' },
  { key: 'my-tasks', to: '/my-tasks', label: 'nav.myTasks', icon: '' },
];

describe('keyboard shortcuts', () => {
  it('opens a page with g and its letter, only when the menu has it', () => {
    expect(shortcutFor('g', null, items)).toEqual({ kind: 'pending' });
    expect(shortcutFor('b', 'g', items)).toEqual({ kind: 'go', to: '/board' });
    expect(shortcutFor('t', 'g', items)).toEqual({ kind: 'go', to: '/my-tasks' });
    // Staff have no program board and no measures page in their menu.
    expect(shortcutFor('m', 'g', items)).toBeNull();
    expect(shortcutFor('x', 'g', items)).toBeNull();
  });

  it('opens search with / and the list of shortcuts with ?, and leaves other keys alone', () => {
    expect(shortcutFor('/', null, items)).toEqual({ kind: 'search' });
    expect(shortcutFor('?', null, items)).toEqual({ kind: 'help' });
    expect(shortcutFor('b', null, items)).toBeNull();
  });
});
