import { Role } from '@ecohub/domain';
import { describe, expect, it } from 'vitest';
import type { Viewer } from '@/features/auth/session';
import { navItemsFor } from './nav-items';

const as = (role: Role): Viewer => ({ id: 'p-1', name: '김정민', nameEn: null, email: 'someone@ecohub.test', role, locale: 'ko', company: null }) as Viewer;
const keys = (role: Role) => navItemsFor(as(role), () => true).map((item) => item.key);

describe('the sidebar, by role', () => {
  it('offers the activity history only to roles that may read it (not to observers, who would see an empty feed)', () => {
    expect(keys(Role.OBSERVER)).not.toContain('activity');
    expect(keys(Role.OBSERVER)).toContain('board');
    for (const role of [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT]) expect(keys(role), role).toContain('activity');
  });
});
