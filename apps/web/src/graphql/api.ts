import { useClientHandle } from '@urql/vue';
import type { Client as WsClient } from 'graphql-ws';
import { inject, type InjectionKey } from 'vue';
import { restartSocket } from './client';

export const SOCKET_KEY: InjectionKey<WsClient> = Symbol('ecohub.socket');

/** The urql client and a way to rebind the live socket after the session changed. */
export function useApi() {
  const { client } = useClientHandle();
  const socket = inject(SOCKET_KEY, null);
  return {
    client,
    restartLive() {
      if (socket) restartSocket(socket);
    },
  };
}
