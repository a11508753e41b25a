import { ATTACHMENT_TYPES } from '@ecohub/domain';
import { useQuery } from '@urql/vue';
import { computed } from 'vue';
import { AttachmentLimitsDocument } from '@/graphql/generated/graphql';
import type { AttachmentLimits } from './upload';

/** Until the hub has answered: the shared list of types, and no size check (the hub still refuses). */
const UNTIL_LOADED: AttachmentLimits = {
  maxBytes: Number.POSITIVE_INFINITY,
  types: Object.entries(ATTACHMENT_TYPES).map(([contentType, extensions]) => ({ contentType, extensions })),
};

/** The hub's size limit and accepted types, asked once per session (they change only with its configuration). */
export function useAttachmentLimits() {
  const query = useQuery({ query: AttachmentLimitsDocument, requestPolicy: 'cache-first' });
  return computed<AttachmentLimits>(() => query.data.value?.attachmentLimits ?? UNTIL_LOADED);
}
