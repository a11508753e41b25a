import { useMutation } from '@urql/vue';
import { computed, onBeforeUnmount, ref, toValue, type MaybeRefOrGetter } from 'vue';
import { DeleteAttachmentDocument } from '@/graphql/generated/graphql';
import type { Uploaded } from './upload';
import { useUploads } from './useUploads';

/**
 * Files for a comment still being written on a task: they upload at once as the author's drafts
 * (seen by nobody else) and become the comment's files when it is posted with `ids`. Files the
 * author removes, and drafts left when the composer goes away unposted, are deleted at once; the
 * hub's drafts job catches what a closed tab leaves behind.
 */
export function useDraftFiles(taskId: MaybeRefOrGetter<string>) {
  const files = ref<Uploaded[]>([]);
  const removal = useMutation(DeleteAttachmentDocument);
  const uploads = useUploads(() => ({ kind: 'draftTask', id: toValue(taskId) }), (file) => files.value.push(file));

  function remove(file: { id: string }) {
    files.value = files.value.filter((draft) => draft.id !== file.id);
    void removal.executeMutation({ id: file.id });
  }
  /** Cancels what is still uploading and deletes what is waiting. */
  function discard() {
    uploads.abortAll();
    uploads.problems.value = [];
    files.value.forEach(remove);
  }
  /** The comment took the files: they are no longer drafts to clean up. */
  function posted() {
    files.value = [];
    uploads.problems.value = [];
  }
  onBeforeUnmount(discard);

  return {
    files,
    ids: computed(() => files.value.map((file) => file.id)),
    uploading: computed(() => uploads.inFlight.value.length > 0),
    uploads,
    add: uploads.send,
    remove,
    discard,
    posted,
  };
}

export type DraftFiles = ReturnType<typeof useDraftFiles>;
