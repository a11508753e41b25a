import type { NavigationGuard, RouteRecordRaw } from 'vue-router';
import { Role } from '@ecohub/domain';
import { MANAGER_ROLES, PROGRAM_WIDE_ROLES, REPORT_ROLES, session } from '@/features/auth/session';

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

/** Staff see one company: any other company id is "not found" before a request is made. */
const staffOnlyOwnCompany: NavigationGuard = (to) => {
  const viewer = session.viewer.value;
  if (viewer?.role === Role.COMPANY_STAFF && viewer.company?.id !== to.params.companyId) {
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, replace: true };
  }
  return true;
};

export const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/pages/HomePage.vue'), meta: { public: true, title: 'nav.overview' } },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/pages/SignInPage.vue'), meta: { public: true, title: 'auth.signIn' } },
  {
    path: '/board',
    name: 'board',
    component: () => import('@/pages/ProgramBoardPage.vue'),
    meta: { roles: PROGRAM_WIDE_ROLES, title: 'nav.board' },
  },
  {
    path: '/sign-in-link',
    name: 'sign-in-link',
    component: () => import('@/pages/SignInLinkPage.vue'),
    meta: { public: true, title: 'mail.signInLink.title' },
  },
  {
    path: '/admin/mail',
    name: 'mail-outbox',
    component: () => import('@/pages/MailOutboxPage.vue'),
    meta: { roles: [Role.ADMIN], title: 'mail.outbox.title' },
  },
  {
    path: '/accept-invitation',
    name: 'accept-invitation',
    component: () => import('@/pages/AcceptInvitationPage.vue'),
    meta: { public: true, title: 'invitation.title' },
  },
  {
    path: '/companies',
    name: 'companies',
    component: () => import('@/pages/CompaniesPage.vue'),
    meta: { roles: MANAGER_ROLES, title: 'company.register.title' },
  },
  {
    path: '/companies/:companyId',
    component: () => import('@/pages/CompanyWorkspacePage.vue'),
    props: true,
    beforeEnter: staffOnlyOwnCompany,
    children: [
      { path: '', name: 'company', redirect: (to) => `/companies/${String(to.params.companyId)}/tasks` },
      {
        path: 'tasks',
        name: 'company-tasks',
        component: () => import('@/pages/CompanyTasksPage.vue'),
        props: true,
        meta: { title: 'company.tabs.tasks' },
      },
      {
        path: 'tasks/:taskId',
        name: 'task',
        component: () => import('@/pages/TaskPage.vue'),
        props: true,
        meta: { title: 'tasks.detail.pageTitle' },
      },
      {
        path: 'measures',
        name: 'company-measures',
        component: () => import('@/pages/CompanyMeasuresPage.vue'),
        props: true,
        meta: { title: 'company.tabs.measures' },
      },
      {
        path: 'measures/:measureId',
        name: 'measure',
        component: () => import('@/pages/MeasurePage.vue'),
        props: true,
        meta: { title: 'measures.detail.pageTitle' },
      },
      {
        path: 'overview',
        name: 'company-overview',
        component: () => import('@/pages/CompanyOverviewPage.vue'),
        props: true,
        meta: { title: 'company.tabs.overview' },
      },
      {
        path: 'follow-up',
        name: 'company-follow-up',
        component: () => import('@/pages/CompanyFollowUpPage.vue'),
        props: true,
        meta: { title: 'followUp.tab' },
      },
      {
        path: 'diagnoses',
        name: 'company-diagnoses',
        component: () => import('@/pages/CompanyDiagnosesPage.vue'),
        props: true,
        meta: { title: 'company.tabs.diagnoses' },
      },
    ],
  },
  {
    path: '/measures',
    name: 'measures',
    component: () => import('@/pages/MeasuresPage.vue'),
    meta: { roles: PROGRAM_WIDE_ROLES, title: 'nav.measures' },
  },
  {
    path: '/reports',
    name: 'reports',
    component: () => import('@/pages/ProgramResultsPage.vue'),
    meta: { roles: REPORT_ROLES, title: 'nav.results' },
  },
  {
    path: '/library',
    name: 'library',
    component: () => import('@/pages/MeasureLibraryPage.vue'),
    meta: { title: 'nav.library' },
  },
  {
    path: '/events',
    name: 'events',
    component: () => import('@/pages/EventsPage.vue'),
    meta: { title: 'nav.events' },
  },
  {
    path: '/events/:eventId',
    name: 'event',
    component: () => import('@/pages/EventPage.vue'),
    props: true,
    meta: { title: 'nav.events' },
  },
  {
    path: '/teams',
    name: 'teams',
    component: () => import('@/pages/TeamsPage.vue'),
    meta: { roles: MANAGER_ROLES, title: 'nav.teams' },
  },
  {
    path: '/program-years',
    name: 'program-years',
    component: () => import('@/pages/ProgramYearsPage.vue'),
    meta: { roles: MANAGER_ROLES, title: 'years.title' },
  },
  {
    path: '/my-tasks',
    name: 'my-tasks',
    component: () => import('@/pages/MyTasksPage.vue'),
    meta: { title: 'nav.myTasks' },
  },
  {
    path: '/activity',
    name: 'activity',
    component: () => import('@/pages/ActivityPage.vue'),
    meta: { title: 'nav.activity' },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/pages/NotificationsPage.vue'),
    meta: { title: 'nav.notifications' },
  },
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
