import { useClientHandle } from '@urql/vue';

/** The urql client, for imperative queries and mutations outside useQuery/useMutation. */
export function useApi() {
  const { client } = useClientHandle();
  return { client };
}
