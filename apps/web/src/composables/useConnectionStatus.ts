import { shownStatus } from '@/graphql/connection';

/** live / reconnecting / offline, from the graphql-ws socket's own events; accessChanged when the page stopped being live. */
export function useConnectionStatus() {
  return shownStatus;
}
