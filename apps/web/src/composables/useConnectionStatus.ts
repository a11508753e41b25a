import { connectionStatus } from '@/graphql/connection';

/** live / reconnecting / offline, from the graphql-ws socket's own events. */
export function useConnectionStatus() {
  return connectionStatus;
}
