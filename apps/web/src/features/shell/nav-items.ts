import { Role, roleMayRead } from '@ecohub/domain';
import { hasRole, MANAGER_ROLES, PROGRAM_WIDE_ROLES, REPORT_ROLES, type Viewer } from '@/features/auth/session';

export interface NavItem {
  key: string;
  to: string;
  /** Locale key of the label. */
  label: string;
  icon: string;
}

/** The sidebar for one person: only pages their role may open, and only pages that exist. */
export function navItemsFor(viewer: Viewer | null, existing: (path: string) => boolean): NavItem[] {
  if (!viewer) return [{ key: 'overview', to: '/', label: 'nav.overview', icon: '◎' }];
  const items: NavItem[] = [];
  if (hasRole(viewer, PROGRAM_WIDE_ROLES)) items.push({ key: 'board', to: '/board', label: 'nav.board', icon: '▦' });
  if (viewer.role === Role.COMPANY_STAFF && viewer.company) {
    items.push({ key: 'company', to: `/companies/${viewer.company.id}`, label: 'nav.myCompany', icon: '⌂' });
  }
  if (viewer.role !== Role.OBSERVER) items.push({ key: 'my-tasks', to: '/my-tasks', label: 'nav.myTasks', icon: '✓' });
  if (hasRole(viewer, PROGRAM_WIDE_ROLES)) {
    items.push({ key: 'measures', to: '/measures', label: 'nav.measures', icon: '♻' });
  }
  if (hasRole(viewer, REPORT_ROLES)) items.push({ key: 'results', to: '/reports', label: 'nav.results', icon: '▤' });
  items.push({ key: 'library', to: '/library', label: 'nav.library', icon: '⌕' });
  items.push({ key: 'events', to: '/events', label: 'nav.events', icon: '◷' });
  if (hasRole(viewer, MANAGER_ROLES)) {
    items.push({ key: 'companies', to: '/companies', label: 'nav.companies', icon: '🏭' });
    items.push({ key: 'teams', to: '/teams', label: 'nav.teams', icon: '☷' });
    items.push({ key: 'program-years', to: '/program-years', label: 'nav.years', icon: '₩' });
  }
  // History is part of the work: a role that may not read it gets no empty feed in its menu.
  if (roleMayRead(viewer.role, 'work')) items.push({ key: 'activity', to: '/activity', label: 'nav.activity', icon: '≡' });
  if (viewer.role === Role.ADMIN) items.push({ key: 'mail-outbox', to: '/admin/mail', label: 'mail.outbox.nav', icon: '✉' });
  return items.filter((item) => existing(item.to));
}
