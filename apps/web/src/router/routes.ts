import type { Role } from '@ecohub/domain';
import type { RouteRecordRaw } from 'vue-router';
import { MANAGER_ROLES, PROGRAM_WIDE_ROLES } from '@/features/auth/session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Who may open the page; absent means anyone signed in. */
    roles?: readonly Role[];
    /** Open to anonymous visitors. */
    public?: boolean;
    /** Locale key of the page title (document.title). */
    title?: string;
  }
}


export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { public: true, title: 'nav.overview' } },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/pages/SignInPage.vue'), meta: { public: true, title: 'auth.signIn' } },
  {
    path: '/settings',
    name: 'settings',
    component: () => import('@/pages/SettingsPage.vue'),
    meta: { title: 'nav.settings' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/pages/NotFoundPage.vue'),
    meta: { public: true, title: 'notFound.title' },
  },
];
