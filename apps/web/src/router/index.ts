import type { Client } from '@urql/core';
import { createRouter, createWebHistory, type Router, type RouterHistory } from 'vue-router';
import { ensureViewer, hasRole, homeFor } from '@/features/auth/session';
import { routes } from './routes';

/**
 * Guards: the viewer is loaded before the first page; signed-out visitors of a private page go
 * to sign-in (and come back after); a page outside one's role shows "not found", never a hint
 * that it exists.
 */
export function createAppRouter(client: Client, history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach(async (to) => {
    const viewer = await ensureViewer(client);
    if (to.name === 'home' && viewer) return homeFor(viewer);
    if (to.name === 'sign-in' && viewer) return homeFor(viewer);
    if (to.meta.public) return true;
    if (!viewer) return { name: 'sign-in', query: { next: to.fullPath } };
    if (to.meta.roles && !hasRole(viewer, to.meta.roles)) {
      return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, replace: true };
    }
    return true;
  });
  return router;
}
