import type { Router } from 'vue-router';
import type { Client } from '@urql/core';
import { Role } from '@ecohub/domain';
import { computed, readonly, ref } from 'vue';
import { SignInDocument, SignOutDocument, ViewerDocument, type ViewerFieldsFragment } from '@/graphql/generated/graphql';

export type Viewer = ViewerFieldsFragment;

const viewer = ref<Viewer | null>(null);
const loaded = ref(false);
let loading: Promise<Viewer | null> | null = null;

/** The signed-in person, shared by the router guards and every page. */
export const session = {
  viewer: readonly(viewer),
  loaded: readonly(loaded),
  set(next: Viewer | null) {
    viewer.value = next;
    loaded.value = true;
  },
};

/** Loads the viewer once (the router waits for it before the first navigation). */
export function ensureViewer(client: Client): Promise<Viewer | null> {
  if (loaded.value) return Promise.resolve(viewer.value);
  loading ??= client
    .query(ViewerDocument, {}, { requestPolicy: 'network-only' })
    .toPromise()
    .then((result) => {
      // A network failure is not "signed out": keep anonymous for now, the page shows the error state.
      session.set(result.data?.viewer ?? null);
      return viewer.value;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

export async function signIn(client: Client, email: string, password: string) {
  const result = await client.mutation(SignInDocument, { input: { email, password } }).toPromise();
  if (result.data?.signIn) session.set(result.data.signIn);
  return result;
}

export async function signOut(client: Client) {
  // Signed out here first: the server closes this session's socket (4401) while the mutation is
  // answered, and that close must not count as the server ending the session (a second way out).
  session.set(null);
  return client.mutation(SignOutDocument, {}).toPromise();
}

/**
 * Leaves a session for the sign-in page by loading it afresh: the normalized cache holds what
 * the person who leaves was allowed to see, and the next person to sign in on this browser must
 * not be shown any of it, not even for the moment before their own answers arrive.
 */
let leaving = false;
export function reloadAtSignIn(router: Router, query: Record<string, string> = {}) {
  // One load: a second one would abort the first.
  if (leaving) return;
  leaving = true;
  window.location.assign(router.resolve({ name: 'sign-in', query }).href);
}

export const MANAGER_ROLES: readonly Role[] = [Role.ADMIN, Role.PROGRAM_MANAGER];
/** Who writes the consulting work: tasks, measures, diagnoses. */
export const WORK_WRITER_ROLES: readonly Role[] = [Role.ADMIN, Role.PROGRAM_MANAGER, Role.EXPERT];
export const PROGRAM_WIDE_ROLES: readonly Role[] = [Role.ADMIN, Role.PROGRAM_MANAGER, Role.OBSERVER, Role.EXPERT];
/** Year-end results (page and files): those who run and fund the program. */
export const REPORT_ROLES: readonly Role[] = [Role.ADMIN, Role.PROGRAM_MANAGER, Role.OBSERVER];

export function hasRole(person: Viewer | null, roles: readonly Role[]): boolean {
  return !!person && roles.includes(person.role);
}

/** Where a person lands after signing in: staff in their company, everyone else on the board. */
export function homeFor(person: Viewer | null): string {
  if (!person) return '/';
  if (person.role === Role.COMPANY_STAFF && person.company) return `/companies/${person.company.id}`;
  return '/board';
}

export function useViewer() {
  return {
    viewer: session.viewer,
    isSignedIn: computed(() => viewer.value !== null),
    role: computed(() => viewer.value?.role ?? null),
  };
}
